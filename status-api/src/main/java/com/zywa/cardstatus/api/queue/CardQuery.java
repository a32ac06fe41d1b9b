package com.zywa.cardstatus.api.queue;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Responsible;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a search of the work queue asks (contract §13): each filter is one or more accepted values (none: any), the
 * cards changed in [{@code updatedSince}, {@code updatedBefore}), after {@code cursor} in the order of last change.
 */
record CardQuery(
        List<EventType> statuses,
        List<String> partners,
        List<Reason> reasons,
        List<ActionRequired> actions,
        List<Responsible> responsible,
        @Nullable Boolean stalled,
        @Nullable Instant updatedSince,
        @Nullable Instant updatedBefore,
        @Nullable QueueCursor cursor,
        int limit) {

    /** The most cards one page holds. */
    static final int MAX_LIMIT = 500;

    /** The longest partner name a filter may name (the projection's column). */
    static final int MAX_PARTNER = 64;

    CardQuery {
        statuses = List.copyOf(statuses);
        partners = List.copyOf(partners);
        reasons = List.copyOf(reasons);
        actions = List.copyOf(actions);
        responsible = List.copyOf(responsible);
    }

    /** The same selection, after {@code next}. */
    CardQuery after(QueueCursor next, int pageSize) {
        return new CardQuery(
                statuses,
                partners,
                reasons,
                actions,
                responsible,
                stalled,
                updatedSince,
                updatedBefore,
                next,
                pageSize);
    }
}
