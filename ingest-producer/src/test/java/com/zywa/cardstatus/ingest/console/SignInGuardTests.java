package com.zywa.cardstatus.ingest.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Refused sign-ins are counted per address: at the limit that address is turned away until one refills. */
class SignInGuardTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:05Z"));
    private final SignInGuard guard = new SignInGuard(clock(), 3);

    @Test
    void turnsAnAddressAwayOnceItHadTheLimitOfRefusalsThisMinute() {
        for (int i = 0; i < 3; i++) {
            assertThat(guard.allowed("203.0.113.7")).isTrue();
            guard.refused("203.0.113.7");
        }

        assertThat(guard.allowed("203.0.113.7")).isFalse();
        assertThat(guard.allowed("198.51.100.1")).as("another address").isTrue();
    }

    @Test
    void letsAnAddressTryAgainOnceARefusalRefilled() {
        for (int i = 0; i < 3; i++) {
            guard.refused("203.0.113.7");
        }
        now.set(now.get().plus(Duration.ofSeconds(19)));
        assertThat(guard.allowed("203.0.113.7"))
                .as("one of 3 a minute comes back every 20 s")
                .isFalse();

        now.set(now.get().plus(Duration.ofSeconds(1)));

        assertThat(guard.allowed("203.0.113.7")).isTrue();
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
