package com.zywa.cardstatus.api.lookup;

import com.zywa.cardstatus.support.limits.Rate;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many card lookups each caller may make ({@code cardstatus.api.lookup-rate.*}, contract §12.1), per status-api
 * instance: lookups by card ID or phone, on every lookup path.
 *
 * @param limit lookups a caller may make per period (and its largest burst)
 * @param period the period the limit refills over, gradually
 * @param callers one caller's own limit or period, by the caller's name (an API key's name, or {@code jwt:<sub>})
 */
@ConfigurationProperties("cardstatus.api.lookup-rate")
record LookupRateSettings(
        @DefaultValue("600") long limit, @DefaultValue("1m") Duration period, Map<String, Rate> callers) {

    LookupRateSettings {
        callers = callers == null ? Map.of() : Map.copyOf(callers);
    }
}
