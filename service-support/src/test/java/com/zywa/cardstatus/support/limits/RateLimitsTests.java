package com.zywa.cardstatus.support.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each key spends its own bucket at its own rate, refilled over time; the map of buckets stays bounded. */
class RateLimitsTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));
    private final RateLimits limits =
            new RateLimits(new Rate(10L, Duration.ofMinutes(1)), Map.of("fastcourier", new Rate(2L, null)), 3, clock());

    @Test
    void refusesAKeyOverItsLimitWithTheSecondsUntilItMayAgain() {
        for (int i = 0; i < 10; i++) {
            assertThat(limits.take("default", 1).allowed()).isTrue();
        }

        RateLimits.Verdict refused = limits.take("default", 1);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6); // one of 10 per minute comes back every 6 s
        assertThat(limits.take("other", 1).allowed()).as("another key").isTrue();
    }

    @Test
    void refillsOverThePeriod() {
        assertThat(limits.take("default", 10).allowed()).isTrue();
        assertThat(limits.take("default", 1).allowed()).isFalse();

        now.set(now.get().plusSeconds(6));

        assertThat(limits.take("default", 1).allowed()).isTrue();
        assertThat(limits.take("default", 1).allowed()).isFalse();
    }

    @Test
    void takesAKeysOwnRateWithTheDefaultPeriod() {
        assertThat(limits.rateOf("fastcourier")).isEqualTo(new Rate(2L, Duration.ofMinutes(1)));
        assertThat(limits.take("fastcourier", 2).allowed()).isTrue();

        assertThat(limits.take("fastcourier", 1).retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void takesAllOrNothingAndAWholeBucketForMoreThanTheLimit() {
        assertThat(limits.take("default", 4).allowed()).isTrue();
        assertThat(limits.take("default", 7).allowed()).as("7 of the 6 left").isFalse();
        assertThat(limits.take("default", 6).allowed()).isTrue();

        assertThat(limits.take("fresh", 1_000).allowed())
                .as("a request larger than the limit")
                .isTrue();
        assertThat(limits.take("fresh", 1).allowed()).isFalse();
    }

    @Test
    void tellsWhetherAKeyHasOneLeftWithoutTakingIt() {
        assertThat(limits.hasLeft("fastcourier")).isTrue();
        assertThat(limits.hasLeft("fastcourier")).isTrue();
        limits.take("fastcourier", 2);

        assertThat(limits.hasLeft("fastcourier")).isFalse();
    }

    @Test
    void keepsAtMostMaxKeysBuckets() {
        for (int i = 0; i < 100; i++) {
            limits.take("caller-" + i, 1);
        }

        assertThat(limits.keys()).isEqualTo(3);
    }

    @Test
    void refusesARateThatIsNone() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimits(new Rate(0L, Duration.ofMinutes(1)), Map.of(), 10, clock()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimits(
                        new Rate(1L, Duration.ofMinutes(1)), Map.of("x", new Rate(null, Duration.ZERO)), 10, clock()));
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
