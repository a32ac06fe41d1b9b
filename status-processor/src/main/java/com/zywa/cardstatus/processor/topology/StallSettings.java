package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.fold.StallRules;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When cards stall ({@code cardstatus.stalls.*}, contract §13): how long a card may stay in a status with no later
 * event, for every partner and per partner, and how often the fold looks for due stalls.
 *
 * @param after the threshold per status for every partner, over the defaults ({@code PICKED_UP} 3 days,
 *     {@code DELIVERY_EXCEPTION} 2 days); zero: the status never stalls
 * @param partners a partner's own thresholds per status, over {@code after}'s; zero: never, for that partner
 * @param checkInterval how often the fold looks, on the wall clock, for cards whose stall is due
 * @param maxPerCheck the most cards one look stalls; the rest are stalled at the next look
 */
@ConfigurationProperties("cardstatus.stalls")
record StallSettings(
        @Nullable Map<EventType, Duration> after,
        @Nullable Map<String, Map<EventType, Duration>> partners,
        @DefaultValue("PT15S") Duration checkInterval,
        @DefaultValue("10000") int maxPerCheck) {

    StallSchedule schedule() {
        Map<EventType, Duration> thresholds = new EnumMap<>(StallRules.DEFAULTS.after());
        if (after != null) {
            thresholds.putAll(after);
        }
        return new StallSchedule(
                new StallRules(thresholds, partners == null ? Map.of() : partners), checkInterval, maxPerCheck);
    }
}
