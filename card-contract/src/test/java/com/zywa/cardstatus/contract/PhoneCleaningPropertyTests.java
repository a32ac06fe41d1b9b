package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The one-pass cleaning of phone text agrees with the regular expressions that define it. */
class PhoneCleaningPropertyTests {

    private static final Pattern NOISE = Pattern.compile("[\"'\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]+");
    /** Digits and every kind of character partners' phone cells hold, including look-alikes that are not noise. */
    private static final String ALPHABET = "0123456789+eE.-'\"() \t\n\u000B\f\r\u00A0\u2007x#/\u0663";

    private static final Gen<String> TEXTS = lists().of(integers().between(0, ALPHABET.length() - 1))
            .ofSizeBetween(0, 16)
            .map(indexes -> indexes.stream()
                    .map(i -> String.valueOf(ALPHABET.charAt(i)))
                    .collect(Collectors.joining()));

    @Test
    void removesExactlyTheNoiseCharacters() {
        qt().withExamples(20_000)
                .forAll(TEXTS)
                .checkAssert(text -> assertThat(PhoneNormalizer.withoutNoise(text))
                        .isEqualTo(NOISE.matcher(text).replaceAll("")));
    }

    @Test
    void acceptsExactlyAnOptionalPlusAndDigits() {
        qt().withExamples(20_000)
                .forAll(TEXTS)
                .checkAssert(text -> assertThat(PhoneNormalizer.isDigits(text))
                        .as("'%s'", text)
                        .isEqualTo(DIGITS.matcher(text).matches()));
    }
}
