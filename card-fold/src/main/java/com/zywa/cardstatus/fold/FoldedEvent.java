package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What the fold keeps of one distinct event: enough to order it, report it and pick the card's phone. */
public record FoldedEvent(
        String eventId,
        EventType type,
        Instant occurredAt,
        @Nullable String phone,
        @Nullable String comment,
        @Nullable String partnerEventId) {

    /** contract §4 order: occurred_at, then lifecycle rank, then event ID. */
    public static final Comparator<FoldedEvent> ORDER = Comparator.comparing(FoldedEvent::occurredAt)
            .thenComparingInt(event -> event.type().rank())
            .thenComparing(FoldedEvent::eventId);

    public FoldedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    static FoldedEvent of(CardEvent event) {
        return new FoldedEvent(
                event.eventId(),
                event.type(),
                event.occurredAt(),
                event.phone(),
                event.comment(),
                event.partnerEventId());
    }

    /**
     * Combines two copies of the same event (same ID) into one, whatever order they came in: a present phone
     * or comment beats an absent one, and between two present values the smaller wins.
     */
    FoldedEvent mergedWith(FoldedEvent copy) {
        return new FoldedEvent(
                eventId,
                type,
                occurredAt,
                smaller(phone, copy.phone),
                smaller(comment, copy.comment),
                smaller(partnerEventId, copy.partnerEventId));
    }

    private static @Nullable String smaller(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
