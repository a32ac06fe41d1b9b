package com.zywa.cardstatus.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofHours(1);
    private static final Duration HORIZON = Duration.ofHours(24);

    @Test
    void doublesThePauseAfterEachFailureUpToTheMaximum() {
        RetryPolicy noJitter = new RetryPolicy(FIRST, MAX, HORIZON, () -> 1.0);

        assertThat(noJitter.delay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(noJitter.delay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(noJitter.delay(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(noJitter.delay(11)).isEqualTo(MAX);
        assertThat(noJitter.delay(1_000)).isEqualTo(MAX);
    }

    @Test
    void jittersWithinTheUpperHalfOfEachPause() {
        assertThat(new RetryPolicy(FIRST, MAX, HORIZON, () -> 0.0).delay(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(new RetryPolicy(FIRST, MAX, HORIZON, () -> 0.5).delay(3)).isEqualTo(Duration.ofSeconds(15));
        assertThat(new RetryPolicy(FIRST, MAX, HORIZON, () -> 0.999).delay(3)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void retriesForTheWholeHorizonThenStops() {
        RetryPolicy policy = new RetryPolicy(FIRST, MAX, HORIZON, () -> 1.0);
        Instant since = Instant.parse("2024-03-01T00:00:00Z");

        assertThat(policy.exhausted(since, since.plus(HORIZON).minusMillis(1))).isFalse();
        assertThat(policy.exhausted(since, since.plus(HORIZON))).isTrue();
    }

    @Test
    void triesAboutThirtyTimesInADayWithTheDefaults() {
        RetryPolicy policy = new RetryPolicy(FIRST, MAX, HORIZON, () -> 1.0);
        Duration elapsed = Duration.ZERO;
        int attempts = 1;
        while (elapsed.compareTo(HORIZON) < 0) {
            elapsed = elapsed.plus(policy.delay(attempts++));
        }

        assertThat(attempts).isBetween(30, 40);
    }
}
