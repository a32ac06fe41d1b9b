package com.zywa.cardstatus.contract;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One courier event about one card, as carried on the event topics (keyed by {@code cardId}).
 * {@code phone} is E.164 or null; {@code eventId} is derived from the content, see {@link EventIds}.
 * {@code rawReason} is the partner's reason code as sent (null when none), {@code reason} a taxonomy reason only when
 * the sender stated one directly ({@link Reason#stated}); the fold maps everything else (contract §10). Records
 * written before those two fields existed read with both null.
 */
public record CardEvent(
        String eventId,
        EventType type,
        String cardId,
        @Nullable String phone,
        Instant occurredAt,
        @Nullable String comment,
        @Nullable String rawReason,
        @Nullable Reason reason,
        @Nullable String partnerEventId,
        @Nullable EventSource source) {

    public CardEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Builds an event without a reason code whose ID is derived from its identifying content. */
    public static CardEvent of(
            EventType type,
            String cardId,
            @Nullable String phone,
            Instant occurredAt,
            @Nullable String comment,
            @Nullable String partnerEventId,
            @Nullable EventSource source) {
        return of(type, cardId, phone, occurredAt, comment, null, partnerEventId, source);
    }

    /**
     * Builds an event whose ID is derived from its identifying content, with the partner's reason code (null when
     * none); the reason it states, if it names one of the taxonomy exactly, is set from it.
     */
    public static CardEvent of(
            EventType type,
            String cardId,
            @Nullable String phone,
            Instant occurredAt,
            @Nullable String comment,
            @Nullable String rawReason,
            @Nullable String partnerEventId,
            @Nullable EventSource source) {
        String id = EventIds.eventId(type, cardId, occurredAt, partnerEventId);
        return new CardEvent(
                id,
                type,
                cardId,
                phone,
                occurredAt,
                comment,
                rawReason,
                Reason.stated(type, rawReason),
                partnerEventId,
                source);
    }
}
