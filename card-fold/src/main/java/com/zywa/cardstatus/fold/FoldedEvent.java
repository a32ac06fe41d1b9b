package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the fold keeps of one distinct event: enough to order it, report it, pick the card's phone, map its reason
 * (the partner's code and the reason stated, as sent) and say where it came from.
 */
public record FoldedEvent(
        String eventId,
        EventType type,
        Instant occurredAt,
        @Nullable String phone,
        @Nullable String comment,
        @Nullable String partnerEventId,
        @Nullable String rawReason,
        @Nullable Reason reason,
        @Nullable EventSource source) {

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
                event.partnerEventId(),
                event.rawReason(),
                event.reason(),
                event.source());
    }

    /** The partner whose event this is (its source's), or null when the source does not say. */
    public @Nullable String partner() {
        return source == null ? null : source.partner();
    }

    /**
     * Combines two copies of the same event (same ID) into one, whatever order they came in: a present phone,
     * comment, code or reason beats an absent one, and between two present values the smaller wins. The source stays
     * the first copy's: copies of one event share its topic and partition (type and card), so the fold always meets
     * them in the same order, and a file uploaded again keeps naming the upload that first brought its rows.
     */
    FoldedEvent mergedWith(FoldedEvent copy) {
        return new FoldedEvent(
                eventId,
                type,
                occurredAt,
                smaller(phone, copy.phone),
                smaller(comment, copy.comment),
                smaller(partnerEventId, copy.partnerEventId),
                smaller(rawReason, copy.rawReason),
                smaller(reason, copy.reason),
                source == null ? copy.source : source);
    }

    private static <T extends Comparable<T>> @Nullable T smaller(@Nullable T a, @Nullable T b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
