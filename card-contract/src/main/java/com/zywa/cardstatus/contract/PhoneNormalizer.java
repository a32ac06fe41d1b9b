package com.zywa.cardstatus.contract;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns any phone form the partner or a client sends ({@code 0XXXXXXXXX}, {@code 971…}, {@code +971…},
 * {@code 00971…}, bare national digits, with stray quotes, spaces or dashes) into E.164 using
 * libphonenumber. Ingest and the status API share it, so a queried phone matches a stored one.
 */
public final class PhoneNormalizer {

    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]+");
    private static final int CACHE_SIZE = 20_000;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    /** The region's written forms reduced to national digits; null for a region they do not cover. */
    private final NationalForms forms;
    /**
     * National digits whose every written form parses to a valid number (see {@link NationalForms#uniform}): a card's
     * phone recurs in every row about it, in any form, and parsing is costly.
     */
    private final KnownNumbers valid = new KnownNumbers();
    /**
     * Other parsed phones by their cleaned digits. Keys are at most {@link InputLimits#PHONE_CHARS} characters long,
     * so the cache holds at most a few megabytes.
     */
    private final Map<String, Phone> parsed = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Phone> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    private final boolean remembers;

    /** @param defaultRegion ISO 3166 region for numbers written without a country code, e.g. {@code AE} */
    public PhoneNormalizer(String defaultRegion) {
        this(defaultRegion, true);
    }

    /** A normaliser that, unless it {@code remembers}, asks libphonenumber about every phone (what the tests trust). */
    PhoneNormalizer(String defaultRegion, boolean remembers) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        if (!util.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("unknown phone region '" + defaultRegion + "'");
        }
        this.forms = remembers ? NationalForms.of(util, defaultRegion) : null;
        this.remembers = remembers;
    }

    /** Reads one phone field; never throws for bad input. */
    public Phone normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Phone.Absent();
        }
        if (raw.length() > InputLimits.PHONE_CHARS) {
            return new Phone.Invalid(
                    "phone is " + raw.length() + " characters long; at most " + InputLimits.PHONE_CHARS + " are read");
        }
        String trimmed = raw.strip().replace("\"", "");
        if (mayBeScientific(trimmed) && SCIENTIFIC.matcher(trimmed).matches()) {
            return new Phone.Mangled(trimmed);
        }
        String cleaned = withoutNoise(trimmed);
        if (cleaned.isEmpty()) {
            return new Phone.Absent();
        }
        if (!isDigits(cleaned)) {
            return new Phone.Invalid("phone '" + Phone.mask(cleaned) + "' contains characters other than digits");
        }
        String national = forms == null ? null : forms.national(cleaned);
        long key = national == null ? -1 : NationalForms.key(national);
        if (key > 0 && valid.contains(key)) {
            return new Phone.Valid(forms.e164(national));
        }
        if (key > 0 && forms.uniform(national)) {
            // libphonenumber would parse any form of it into this number, so only its say on the number is needed
            Phone phone = possible(
                    new PhoneNumber().setCountryCode(forms.countryCode()).setNationalNumber(key), cleaned);
            if (phone instanceof Phone.Valid) {
                valid.add(key);
                return phone;
            }
        }
        Phone known = remembers ? parsed.get(cleaned) : null;
        if (known == null) {
            known = parse(cleaned);
            if (remembers) {
                parsed.put(cleaned, known);
            }
        }
        return known;
    }

    /** How many parsed numbers are cached. */
    int cached() {
        return parsed.size() + valid.size();
    }

    private static boolean mayBeScientific(String text) {
        return text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }

    /** The text without quotes, white space, dashes, parentheses and dots (one pass; this runs for every row). */
    static String withoutNoise(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean noise = c == '"'
                    || c == '\''
                    || c == '-'
                    || c == '('
                    || c == ')'
                    || c == '.'
                    || c == ' '
                    || c == '\t'
                    || c == '\n'
                    || c == '\u000B'
                    || c == '\f'
                    || c == '\r';
            if (noise && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!noise && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** Whether the text is an optional '+' followed by at least one ASCII digit, and nothing else. */
    static boolean isDigits(String text) {
        int start = text.startsWith("+") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number in E.164 if libphonenumber deems it possible, else why not ({@code digits} masked). */
    private Phone possible(PhoneNumber number, String digits) {
        ValidationResult possible = util.isPossibleNumberWithReason(number);
        if (possible != ValidationResult.IS_POSSIBLE) {
            return new Phone.Invalid("phone '" + Phone.mask(digits) + "' is not a possible number for region "
                    + util.getRegionCodeForCountryCode(number.getCountryCode()) + " ("
                    + possible.name().toLowerCase().replace('_', ' ') + ")");
        }
        return new Phone.Valid(util.format(number, PhoneNumberFormat.E164));
    }

    private Phone parse(String digits) {
        try {
            return possible(util.parse(digits, defaultRegion), digits);
        } catch (NumberParseException e) {
            return new Phone.Invalid(
                    "phone '" + Phone.mask(digits) + "' cannot be read as a number: " + e.getMessage());
        }
    }
}
