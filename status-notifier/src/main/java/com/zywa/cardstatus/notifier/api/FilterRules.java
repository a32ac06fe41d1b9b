package com.zywa.cardstatus.notifier.api;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.notifier.subscription.SubscriptionFilter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a subscription's filter may hold: statuses the pipeline knows, partner names, and reason and action codes
 * as the status writes them (upper case with underscores), at most {@value #MAX_VALUES} distinct values per list.
 */
final class FilterRules {

    static final int MAX_VALUES = 50;
    private static final Pattern PARTNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final List<String> STATUSES =
            Arrays.stream(EventType.values()).map(Enum::name).toList();

    private FilterRules() {}

    static SubscriptionFilter filter(SubscriptionRequest request) {
        return new SubscriptionFilter(
                values("statuses", request.statuses(), STATUSES::contains, "one of " + STATUSES),
                values("partners", request.partners(), v -> PARTNER.matcher(v).matches(), "a partner name"),
                values("reasons", request.reasons(), v -> CODE.matcher(v).matches(), "a reason code such as LOST"),
                values(
                        "action_required",
                        request.actionRequired(),
                        v -> CODE.matcher(v).matches(),
                        "an action code such as CONTACT_CARDHOLDER"),
                request.stalled());
    }

    private static List<String> values(
            String field, @Nullable List<String> given, java.util.function.Predicate<String> valid, String expected) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String value : given) {
            String stripped = value == null ? "" : value.strip();
            if (!valid.test(stripped)) {
                throw SubscriptionException.invalid(
                        "invalid_filter", field + ": '" + stripped + "' is not " + expected);
            }
            distinct.add(stripped);
        }
        if (distinct.size() > MAX_VALUES) {
            throw SubscriptionException.invalid(
                    "invalid_filter", field + ": at most " + MAX_VALUES + " values, not " + distinct.size());
        }
        return List.copyOf(distinct);
    }
}
