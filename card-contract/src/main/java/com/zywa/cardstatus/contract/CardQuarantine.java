package com.zywa.cardstatus.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A card's owner and its quarantined events (contract §11.1), on the compacted {@link Topics#QUARANTINE} keyed by card
 * ID, written by the fold in the same transaction whenever either changes; {@code version} is the card state's, so a
 * reader keeps the newest. The projection lists them for ops.
 *
 * @param asOf when the service accepted the change (the Kafka timestamp of the record that made it)
 */
public record CardQuarantine(
        String cardId,
        @Nullable String owner,
        long version,
        @Nullable Instant asOf,
        List<Event> events) {

    public CardQuarantine {
        Objects.requireNonNull(cardId, "cardId");
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * One quarantined event, oldest first; its phone is not listed (ops decide by partner, status and time, and the
     * phone, if accepted, shows in the card's status).
     */
    public record Event(
            String eventId,
            EventType status,
            Instant at,
            @Nullable String comment,
            @Nullable String partnerEventId,
            @Nullable String rawReason,
            @Nullable EventSource source) {}
}
