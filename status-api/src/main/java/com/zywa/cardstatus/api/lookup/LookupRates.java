package com.zywa.cardstatus.api.lookup;

import com.zywa.cardstatus.support.limits.Rate;
import com.zywa.cardstatus.support.limits.RateLimits;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Each caller's lookups rate ({@link LookupRateSettings}): a lookup over it is refused before it is made. */
@Component
class LookupRates {

    /** Callers are API keys and JWT subjects: a bound on the buckets kept, the least recently used forgotten. */
    private static final int CALLERS = 10_000;

    private final RateLimits limits;

    LookupRates(LookupRateSettings settings) {
        this.limits = new RateLimits(
                new Rate(settings.limit(), settings.period()), settings.callers(), CALLERS, Clock.systemUTC());
    }

    /** Takes one lookup from {@code caller}'s rate, or throws {@link RateLimitedException}. */
    void take(String caller) {
        RateLimits.Verdict verdict = limits.take(caller, 1);
        if (!verdict.allowed()) {
            Rate rate = limits.rateOf(caller);
            throw new RateLimitedException(
                    verdict,
                    "caller '" + caller + "' made more than its " + rate.limit() + " lookups per " + rate.period()
                            + "; ask again in " + verdict.retryAfterSeconds() + " s");
        }
    }

    /** A lookup over its caller's rate. */
    static class RateLimitedException extends RuntimeException {

        private final transient RateLimits.Verdict verdict;

        RateLimitedException(RateLimits.Verdict verdict, String message) {
            super(message);
            this.verdict = verdict;
        }

        RateLimits.Verdict verdict() {
            return verdict;
        }
    }
}
