package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownNumbersTests {

    private final KnownNumbers numbers = new KnownNumbers();

    @Test
    void holdsWhatWasAddedAcrossResizes() {
        for (long n = 1; n <= 100_000; n++) {
            numbers.add(n * 7919);
        }

        assertThat(numbers.size()).isEqualTo(100_000);
        for (long n = 1; n <= 100_000; n++) {
            assertThat(numbers.contains(n * 7919)).isTrue();
        }
        assertThat(numbers.contains(7918)).isFalse();
    }

    @Test
    void addingANumberTwiceKeepsOneEntry() {
        numbers.add(585949014);
        numbers.add(585949014);

        assertThat(numbers.size()).isOne();
    }

    @Test
    void startsOverInsteadOfGrowingPastItsBound() {
        long added = KnownNumbers.MAX_SLOTS / 2 + 1;
        for (long n = 1; n <= added; n++) {
            numbers.add(n);
        }

        assertThat(numbers.size()).isLessThan(KnownNumbers.MAX_SLOTS / 2);
        assertThat(numbers.contains(1)).isFalse();
    }
}
