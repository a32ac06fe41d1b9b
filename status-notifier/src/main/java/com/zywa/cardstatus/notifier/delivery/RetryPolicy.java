package com.zywa.cardstatus.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed webhook is tried again: exponential back-off from {@code first}, doubling per failure up to
 * {@code max}, with jitter (a random point in the upper half of the interval, so receivers coming back are not hit by
 * every sender at once); and when to stop: a subscription whose delivery has been failing for {@code horizon} is
 * paused, its backlog kept.
 */
record RetryPolicy(Duration first, Duration max, Duration horizon, DoubleSupplier random) {

    /** The pause before the next attempt after the {@code failures}-th failure in a row (1 for the first). */
    Duration delay(int failures) {
        long base = first.toMillis();
        for (int i = 1; i < failures && base < max.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toMillis());
        return Duration.ofMillis(base / 2 + (long) (random.getAsDouble() * (base - base / 2)));
    }

    /** Whether a delivery failing since {@code failingSince} has been retried long enough at {@code now}. */
    boolean exhausted(Instant failingSince, Instant now) {
        return !now.isBefore(failingSince.plus(horizon));
    }
}
