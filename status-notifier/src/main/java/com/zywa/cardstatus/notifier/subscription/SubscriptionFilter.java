package com.zywa.cardstatus.notifier.subscription;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Which changes a subscription wants, read from the status record as JSON so that fields added to the status later
 * (status v2's {@code partner}, {@code reason}, {@code action_required}; {@code stalled_since}) are filtered on
 * without a change here. An empty list accepts anything; a non-empty one accepts only a record whose field is one of
 * its values, so a record without the field does not match. {@code stalled}: true accepts only stalled cards (a
 * {@code card.stalled} event, or a status with {@code stalled_since}), false only the others, null both.
 */
public record SubscriptionFilter(
        List<String> statuses,
        List<String> partners,
        List<String> reasons,
        List<String> actionRequired,
        @Nullable Boolean stalled) {

    public SubscriptionFilter {
        statuses = List.copyOf(statuses);
        partners = List.copyOf(partners);
        reasons = List.copyOf(reasons);
        actionRequired = List.copyOf(actionRequired);
    }

    /** Accepts every change. */
    public static SubscriptionFilter everything() {
        return new SubscriptionFilter(List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Whether {@code change} (a status, or a stall when {@code stallEvent}) is one this subscription wants. */
    public boolean matches(JsonNode change, boolean stallEvent) {
        return oneOf(statuses, change, "status")
                && oneOf(partners, change, "partner")
                && oneOf(reasons, change, "reason")
                && oneOf(actionRequired, change, "action_required")
                && (stalled == null || stalled == stalled(change, stallEvent));
    }

    private static boolean stalled(JsonNode change, boolean stallEvent) {
        JsonNode since = change.get("stalled_since");
        return stallEvent || (since != null && !since.isNull());
    }

    private static boolean oneOf(List<String> wanted, JsonNode change, String field) {
        if (wanted.isEmpty()) {
            return true;
        }
        JsonNode value = change.get(field);
        return value != null && value.isString() && wanted.contains(value.asString());
    }
}
