package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.support.limits.Rate;
import com.zywa.cardstatus.support.limits.RateLimits;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Each partner's events rate ({@link EventRateSettings}), spent by {@code POST /events} and {@code partner.events}. */
@Component
class EventRates {

    /** More partners than any configuration has; a caller's partner is a configured one. */
    private static final int PARTNERS = 1_000;

    private final RateLimits limits;

    EventRates(EventRateSettings settings) {
        this.limits = new RateLimits(
                new Rate(settings.limit(), settings.period()), settings.partners(), PARTNERS, Clock.systemUTC());
    }

    /** Takes {@code events} from {@code partner}'s rate, all or none. */
    RateLimits.Verdict take(String partner, int events) {
        return limits.take(partner, events);
    }

    /** Why {@code partner}'s events are refused now, for the answer or the record's reason. */
    String overRate(String partner, RateLimits.Verdict verdict) {
        Rate rate = limits.rateOf(partner);
        return "partner '" + partner + "' sent more than its " + rate.limit() + " events per " + rate.period()
                + "; send again in " + verdict.retryAfterSeconds() + " s";
    }
}
