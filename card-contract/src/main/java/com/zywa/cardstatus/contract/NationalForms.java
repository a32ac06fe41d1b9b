package com.zywa.cardstatus.contract;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The five ways a number of the default region is written ({@code +971N}, {@code 00971N}, {@code 971N},
 * {@code 0N}, {@code N}) reduced to its national digits N, so that {@link PhoneNormalizer} parses each number once
 * whatever form a row uses. libphonenumber reads all five alike only for some N ({@link #uniform(String)} says
 * which, following its parse steps); for the rest the caller asks libphonenumber about the written form itself.
 */
final class NationalForms {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** The longest national number libphonenumber keeps (its MAX_LENGTH_FOR_NSN); it also fits in a long. */
    private static final int MAX_NATIONAL = 17;

    private final int callingCode;
    private final String countryCode;
    private final String plusCountryCode;
    private final String internationalPrefix;
    private final String internationalCountryCode;
    private final String nationalPrefix;
    private final Pattern generalPattern;

    private NationalForms(int countryCode, String internationalPrefix, String nationalPrefix, String generalPattern) {
        this.callingCode = countryCode;
        this.countryCode = Integer.toString(countryCode);
        this.plusCountryCode = "+" + this.countryCode;
        this.internationalPrefix = internationalPrefix;
        this.internationalCountryCode = internationalPrefix + this.countryCode;
        this.nationalPrefix = nationalPrefix;
        this.generalPattern = Pattern.compile(generalPattern);
    }

    /**
     * The forms of {@code region}, or null when its metadata is not of the simple shape this reasoning covers: one
     * region for the country code, a plain-digit international and national prefix, no prefix transform rule.
     */
    static NationalForms of(PhoneNumberUtil util, String region) {
        PhoneMetadata metadata = DefaultMetadataDependenciesProvider.getInstance()
                .getPhoneNumberMetadataSource()
                .getMetadataForRegion(region);
        if (metadata == null
                || !List.of(region).equals(util.getRegionCodesForCountryCode(metadata.getCountryCode()))
                || !DIGITS.matcher(metadata.getInternationalPrefix()).matches()
                || !DIGITS.matcher(metadata.getNationalPrefix()).matches()
                || metadata.hasNationalPrefixForParsing()
                        && !metadata.getNationalPrefixForParsing().equals(metadata.getNationalPrefix())
                || !metadata.getNationalPrefixTransformRule().isEmpty()
                || metadata.getGeneralDesc().getNationalNumberPattern().isEmpty()) {
            return null;
        }
        return new NationalForms(
                metadata.getCountryCode(),
                metadata.getInternationalPrefix(),
                metadata.getNationalPrefix(),
                metadata.getGeneralDesc().getNationalNumberPattern());
    }

    /** The national digits of a cleaned phone ({@code +} and ASCII digits) written in one of the forms, else null. */
    String national(String digits) {
        if (digits.startsWith("+")) {
            return digits.startsWith(plusCountryCode) ? digits.substring(plusCountryCode.length()) : null;
        }
        for (String prefix : new String[] {internationalCountryCode, countryCode, nationalPrefix}) {
            if (digits.startsWith(prefix)) {
                return digits.substring(prefix.length());
            }
        }
        return digits;
    }

    /** The national digits as one number (no leading zero, so distinct digits give distinct keys), or -1. */
    static long key(String national) {
        if (national.isEmpty() || national.length() > MAX_NATIONAL || national.charAt(0) == '0') {
            return -1;
        }
        return Long.parseLong(national);
    }

    int countryCode() {
        return callingCode;
    }

    /** The E.164 form of the national digits. */
    String e164(String national) {
        return plusCountryCode + national;
    }

    /**
     * Whether libphonenumber, given any of the five forms of {@code national}, arrives at this country code and these
     * national digits: {@code +CC N} and {@code 00CC N} lose their prefix to the country-code extraction; {@code CC N}
     * loses it as the default country's code because CC N is no national number and N is one; {@code 0N} loses the
     * national prefix because N is a national number; N alone has no prefix to lose. No form may start with another
     * form's prefix, and each must map back to N, so all five share one cache key.
     */
    boolean uniform(String national) {
        String withCountry = countryCode + national;
        String withPrefix = nationalPrefix + national;
        if (key(national) < 0
                || national.length() < 2
                || national.startsWith(nationalPrefix)
                || national.startsWith(countryCode)
                || withPrefix.startsWith(countryCode)
                || national.startsWith(internationalPrefix)
                || withPrefix.startsWith(internationalPrefix)
                || withCountry.startsWith(internationalPrefix)) {
            return false;
        }
        if (!generalPattern.matcher(national).matches()
                || generalPattern.matcher(withCountry).matches()) {
            return false;
        }
        for (String form : List.of(
                plusCountryCode + national, internationalCountryCode + national, withCountry, withPrefix, national)) {
            if (!national.equals(national(form))) {
                return false;
            }
        }
        return true;
    }
}
