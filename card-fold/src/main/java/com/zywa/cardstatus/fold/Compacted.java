package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a card keeps of its oldest events once it holds more than its bound (contract §11.2): how many there were,
 * the counts the status needs from them, the newest phone and partner among them, and the fold-order key of the
 * newest of them. Every event at or before that key is inside the compacted window: one the card does not keep is
 * answered as older than the kept window, never folded (a re-sent compacted event is one of them).
 *
 * @param events how many distinct events were compacted
 * @param exceptions how many of them were delivery exceptions
 * @param delivered whether one of them was a delivery
 * @param phone the phone of the newest compacted event that had one
 * @param partner the partner of the newest compacted event that named one
 * @param lastAt the newest compacted event's occurred_at
 * @param lastType its type
 * @param lastId its event ID
 */
public record Compacted(
        int events,
        int exceptions,
        boolean delivered,
        @Nullable String phone,
        @Nullable String partner,
        Instant lastAt,
        EventType lastType,
        String lastId) {

    public Compacted {
        Objects.requireNonNull(lastAt, "lastAt");
        Objects.requireNonNull(lastType, "lastType");
        Objects.requireNonNull(lastId, "lastId");
    }

    /** Whether {@code event} comes at or before the newest compacted event in fold order (contract §4). */
    public boolean covers(FoldedEvent event) {
        FoldedEvent last = new FoldedEvent(lastId, lastType, lastAt, null, null, null, null, null, null);
        return FoldedEvent.ORDER.compare(event, last) <= 0;
    }

    /** These counts with {@code oldest} (events in fold order, all newer than these) compacted into them. */
    static Compacted with(@Nullable Compacted before, List<FoldedEvent> oldest) {
        int events = before == null ? 0 : before.events;
        int exceptions = before == null ? 0 : before.exceptions;
        boolean delivered = before != null && before.delivered;
        String phone = before == null ? null : before.phone;
        String partner = before == null ? null : before.partner;
        for (FoldedEvent event : oldest) {
            events++;
            exceptions += event.type() == EventType.DELIVERY_EXCEPTION ? 1 : 0;
            delivered |= event.type() == EventType.DELIVERED;
            phone = event.phone() == null ? phone : event.phone();
            partner = event.partner() == null ? partner : event.partner();
        }
        FoldedEvent last = oldest.get(oldest.size() - 1);
        return new Compacted(
                events, exceptions, delivered, phone, partner, last.occurredAt(), last.type(), last.eventId());
    }
}
