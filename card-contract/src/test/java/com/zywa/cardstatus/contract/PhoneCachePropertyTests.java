package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/**
 * A normaliser that has seen other forms of the same numbers answers exactly as one that asks libphonenumber about
 * every phone, whatever the written form, for real-looking and hostile numbers alike.
 */
class PhoneCachePropertyTests {

    /** National beginnings that steer libphonenumber down its different paths (trunk zero, country code, toll-free). */
    private static final List<String> HEADS = List.of(
            "", "0", "00", "5", "50", "58", "9", "97", "971", "9710", "8", "800", "4", "2", "1", "6", "44", "7");

    private static final List<String> FORMS = List.of(
            "+971%s",
            "00971%s", "971%s", "0%s", "%s", "+%s", "00%s", "\"0%s\"", "+971 %s", "(0%s)", "+44%s", "0044%s", "001%s",
            "+9710%s");

    private static final Gen<String> NATIONALS = integers()
            .between(0, HEADS.size() - 1)
            .zip(
                    lists().of(integers().between(0, 9)).ofSizeBetween(0, 13),
                    (head, digits) -> HEADS.get(head)
                            + digits.stream().map(String::valueOf).collect(Collectors.joining()));
    private static final Gen<String> PHONES = NATIONALS.zip(
            integers().between(0, FORMS.size() - 1),
            (national, form) -> FORMS.get(form).formatted(national));

    @ParameterizedTest
    @ValueSource(strings = {"AE", "GB", "US"})
    void everyFormOfEveryNumberReadsAsLibphonenumberReadsIt(String region) {
        PhoneNormalizer seasoned = new PhoneNormalizer(region);
        PhoneNormalizer parsing = new PhoneNormalizer(region, false);
        qt().withExamples(3_000).forAll(lists().of(PHONES).ofSizeBetween(1, 8)).checkAssert(phones -> {
            for (String phone : phones) {
                assertThat(seasoned.normalize(phone))
                        .as("'%s' in %s", phone, region)
                        .isEqualTo(parsing.normalize(phone));
            }
        });
    }

    @Test
    void allFiveFormsOfAMobileNumberShareOneEntry() {
        PhoneNormalizer normalizer = new PhoneNormalizer("AE");

        for (String phone : List.of("0585949014", "585949014", "971585949014", "+971585949014", "00971585949014")) {
            assertThat(normalizer.normalize(phone)).isEqualTo(new Phone.Valid("+971585949014"));
        }
        assertThat(normalizer.cached()).isOne();
    }

    @Test
    void aNumberWhoseFormsReadDifferentlyIsCachedPerForm() {
        PhoneNormalizer normalizer = new PhoneNormalizer("AE");

        assertThat(normalizer.normalize("80012")).isEqualTo(new PhoneNormalizer("AE", false).normalize("80012"));
        assertThat(normalizer.normalize("97180012")).isEqualTo(new Phone.Valid("+97197180012"));
        assertThat(normalizer.cached()).isEqualTo(2);
    }
}
