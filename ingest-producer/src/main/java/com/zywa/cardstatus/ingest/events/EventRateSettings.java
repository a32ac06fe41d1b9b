package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.support.limits.Rate;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many events each partner may send ({@code cardstatus.ingest.event-rate.*}, contract §11.5): over
 * {@code POST /events} and {@code partner.events} together, per ingest instance.
 *
 * @param limit events a partner may send per period (and its largest burst)
 * @param period the period the limit refills over, gradually
 * @param partners one partner's own limit or period, by partner name
 */
@ConfigurationProperties("cardstatus.ingest.event-rate")
record EventRateSettings(
        @DefaultValue("6000") long limit,
        @DefaultValue("1m") Duration period,
        Map<String, Rate> partners) {

    EventRateSettings {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }
}
