package com.zywa.cardstatus.support.limits;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A rate as configured: at most {@code limit} per {@code period}, spent at once up to {@code limit} and refilled
 * gradually over the period. Either part may be left out of one partner's or caller's setting, which then takes it
 * from the default rate.
 *
 * @param limit how many in one period (and the largest burst)
 * @param period the period the limit refills over
 */
public record Rate(@Nullable Long limit, @Nullable Duration period) {

    /** This rate, with what it leaves out taken from {@code defaults}; refused when the result is not a rate. */
    Rate over(Rate defaults) {
        Long mine = limit != null ? limit : defaults.limit();
        Duration over = period != null ? period : defaults.period();
        if (mine == null || mine < 1) {
            throw new IllegalArgumentException("a rate limit must be at least 1, not " + mine);
        }
        if (over == null || over.isNegative() || over.isZero()) {
            throw new IllegalArgumentException("a rate's period must be positive, not " + over);
        }
        return new Rate(mine, over);
    }
}
