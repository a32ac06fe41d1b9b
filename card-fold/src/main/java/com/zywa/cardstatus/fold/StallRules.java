package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.EventType;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How long a card may stay in a status with no later event before it is stalled (contract §13): one threshold per
 * status, and a partner's own thresholds over those. A status without a threshold (or with zero) never stalls.
 *
 * @param after the threshold of each status, for every partner
 * @param partners a partner's thresholds (by the card's partner), each replacing {@code after}'s for its status
 */
public record StallRules(Map<EventType, Duration> after, Map<String, Map<EventType, Duration>> partners) {

    /** The defaults: {@code PICKED_UP} 3 days, {@code DELIVERY_EXCEPTION} 2 days, for every partner. */
    public static final StallRules DEFAULTS = new StallRules(
            Map.of(EventType.PICKED_UP, Duration.ofDays(3), EventType.DELIVERY_EXCEPTION, Duration.ofDays(2)),
            Map.of());

    public StallRules {
        after = copy(after);
        TreeMap<String, Map<EventType, Duration>> byPartner = new TreeMap<>();
        partners.forEach((partner, rules) -> byPartner.put(partner, copy(rules)));
        partners = Collections.unmodifiableMap(byPartner);
    }

    /** The threshold of {@code status} for a card of {@code partner}; null when such a card never stalls. */
    public @Nullable Duration threshold(@Nullable String partner, EventType status) {
        Map<EventType, Duration> own = partner == null ? null : partners.get(partner);
        Duration threshold = own != null && own.containsKey(status) ? own.get(status) : after.get(status);
        return threshold == null || threshold.isZero() || threshold.isNegative() ? null : threshold;
    }

    /** The rules as one text, equal for equal rules: what a stored index built under them remembers. */
    public String fingerprint() {
        return after + " " + partners;
    }

    private static Map<EventType, Duration> copy(Map<EventType, Duration> rules) {
        return rules.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(rules));
    }
}
