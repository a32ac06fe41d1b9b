package com.zywa.cardstatus.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * One courier event about one card, as carried on the event topics (keyed by {@code cardId}).
 * {@code phone} is E.164 or null; {@code eventId} is derived from the content, see {@link EventIds}.
 */
public record CardEvent(
        String eventId,
        EventType type,
        String cardId,
        String phone,
        Instant occurredAt,
        String comment,
        String partnerEventId,
        EventSource source) {

    public CardEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Builds an event whose ID is derived from its identifying content. */
    public static CardEvent of(
            EventType type,
            String cardId,
            String phone,
            Instant occurredAt,
            String comment,
            String partnerEventId,
            EventSource source) {
        String id = EventIds.eventId(type, cardId, occurredAt, partnerEventId);
        return new CardEvent(id, type, cardId, phone, occurredAt, comment, partnerEventId, source);
    }
}
