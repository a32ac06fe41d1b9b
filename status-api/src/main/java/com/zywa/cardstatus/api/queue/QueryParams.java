package com.zywa.cardstatus.api.queue;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Responsible;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a search's query parameters into a {@link CardQuery}, refusing what it cannot read with a message naming the
 * parameter and what it accepts. A filter may be repeated or comma-separated; values are the contract's names.
 */
final class QueryParams {

    private QueryParams() {}

    static CardQuery read(
            @Nullable List<String> status,
            @Nullable List<String> partner,
            @Nullable List<String> reason,
            @Nullable List<String> action,
            @Nullable List<String> responsible,
            @Nullable String stalled,
            @Nullable String updatedSince,
            @Nullable String updatedBefore,
            @Nullable String cursor,
            int limit) {
        if (limit < 1 || limit > CardQuery.MAX_LIMIT) {
            throw new BadQueryException(
                    "invalid_limit", "limit must be 1 to " + CardQuery.MAX_LIMIT + "; got " + limit);
        }
        List<String> partners = values(partner);
        for (String name : partners) {
            if (name.length() > CardQuery.MAX_PARTNER) {
                throw new BadQueryException(
                        "invalid_filter", "partner: at most " + CardQuery.MAX_PARTNER + " characters");
            }
        }
        return new CardQuery(
                enums("status", status, EventType.class),
                partners,
                enums("reason", reason, Reason.class),
                enums("action_required", action, ActionRequired.class),
                enums("responsible", responsible, Responsible.class),
                bool(stalled),
                instant("updated_since", updatedSince),
                instant("updated_before", updatedBefore),
                cursor(cursor),
                limit);
    }

    private static List<String> values(@Nullable List<String> given) {
        List<String> values = new ArrayList<>();
        if (given != null) {
            for (String item : given) {
                Arrays.stream(item.split(","))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .forEach(values::add);
            }
        }
        if (values.size() > 20) {
            throw new BadQueryException("invalid_filter", "at most 20 values per filter");
        }
        return values;
    }

    private static <E extends Enum<E>> List<E> enums(String name, @Nullable List<String> given, Class<E> type) {
        List<E> found = new ArrayList<>();
        for (String value : values(given)) {
            try {
                found.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadQueryException(
                        "invalid_filter", name + ": not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return found;
    }

    private static @Nullable Boolean bool(@Nullable String stalled) {
        if (stalled == null || stalled.isBlank()) {
            return null;
        }
        return switch (stalled.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadQueryException("invalid_filter", "stalled: true or false");
        };
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw new BadQueryException("invalid_filter", name + ": an instant in UTC such as 2023-11-13T09:00:00Z");
        }
    }

    private static @Nullable QueueCursor cursor(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return QueueCursor.decode(cursor.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BadQueryException("invalid_cursor", "cursor: pass next_cursor of a page as it came");
        }
    }
}
