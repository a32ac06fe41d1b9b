package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTests {

    private final PhoneNormalizer normalizer = new PhoneNormalizer("AE");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0585949014|+971585949014",
                "585949014|+971585949014",
                "971585949014|+971585949014",
                "+971585949014|+971585949014",
                "00971585949014|+971585949014",
                "\"0534534534\"|+971534534534",
                "'0534534534'|+971534534534",
                "058-594-9014|+971585949014",
                "+971 58 594 9014|+971585949014",
                "  0545576586  |+971545576586",
                "(058) 5949014|+971585949014",
                "+44 20 7946 0958|+442079460958",
            })
    void normalisesEveryAcceptedFormToE164(String raw, String e164) {
        assertThat(normalizer.normalize(raw)).isEqualTo(new Phone.Valid(e164));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.71535E+11", "9.71535e+11", "5.85949E+08", "971535E11"})
    void reportsSpreadsheetMangledNumbersAsMangled(String raw) {
        assertThat(normalizer.normalize(raw)).isEqualTo(new Phone.Mangled(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\"\"", "--"})
    void treatsEmptyFieldsAsAbsent(String raw) {
        assertThat(normalizer.normalize(raw)).isEqualTo(new Phone.Absent());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "abc0585949014|contains characters other than digits",
                "12|is not a possible number for region AE (too short)",
                "0585949014999999|is not a possible number for region AE (too long)",
                "+0123456|cannot be read as a number",
                "+999123456789|cannot be read as a number",
            })
    void rejectsImpossibleNumbersWithAReason(String raw, String reason) {
        Phone phone = normalizer.normalize(raw);

        assertThat(phone).isInstanceOf(Phone.Invalid.class);
        assertThat(((Phone.Invalid) phone).reason()).contains(reason);
    }

    @Test
    void neverEchoesAFullNumberInAnInvalidReason() {
        Phone phone = normalizer.normalize("0585949014999999");

        assertThat(((Phone.Invalid) phone).reason())
                .doesNotContain("0585949014999999")
                .contains("999");
    }

    @Test
    void masksAllButCountryPrefixAndLastThreeDigits() {
        assertThat(Phone.mask("+971585949014")).isEqualTo("+971******014");
        assertThat(Phone.mask("0585949014")).isEqualTo("*******014");
        assertThat(Phone.mask("12")).isEqualTo("***");
    }

    @Test
    void usesTheConfiguredDefaultRegion() {
        assertThat(new PhoneNormalizer("GB").normalize("02079460958")).isEqualTo(new Phone.Valid("+442079460958"));
    }

    @Test
    void refusesAnUnknownRegion() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhoneNormalizer("XX"))
                .withMessageContaining("'XX'");
    }

    @Test
    void refusesAHugePhoneWithoutEchoingOrCachingIt() {
        Phone phone = normalizer.normalize("5".repeat(100_000));

        assertThat(phone).isInstanceOf(Phone.Invalid.class);
        assertThat(((Phone.Invalid) phone).reason()).hasSizeLessThan(200).doesNotContain("55555");
        assertThat(normalizer.cached()).isZero();
    }

    @Test
    void refusesAHugeSpreadsheetNumberWithoutEchoingIt() {
        assertThat(normalizer.normalize("9." + "7".repeat(100_000) + "E+11")).isInstanceOf(Phone.Invalid.class);
    }
}
