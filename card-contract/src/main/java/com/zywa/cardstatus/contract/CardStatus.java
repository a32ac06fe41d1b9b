package com.zywa.cardstatus.contract;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The current status of one card, as emitted on {@link Topics#STATUS} after every change. {@code version}
 * grows with every change of the card's folded state, so a reader can drop anything older than what it has.
 * The fields of contract §10 ({@code reason} to {@code asOf}, and the history entries' own) are those of the card's
 * current event; records written before they existed read with them null.
 *
 * @param reason why the current exception or return happened; null for a pick-up or a delivery
 * @param rawReason the partner's code as sent, or the comment when it could not be mapped to a reason
 * @param actionRequired what has to be done about the card now ({@code NONE} unless an exception or return)
 * @param attempts distinct delivery attempts: exceptions, plus the delivery
 * @param partner the partner of the card's current event
 * @param asOf when the service accepted the change that made this status (the Kafka timestamp of that event)
 * @param stalledSince when the card stalled: its current status outlived its partner's stall rule with no later event
 *     (contract §13); null while it is not stalled, and in records written before stalls existed
 */
public record CardStatus(
        String cardId,
        EventType status,
        Instant statusAt,
        @Nullable String phone,
        @Nullable String comment,
        @Nullable Reason reason,
        @Nullable String rawReason,
        @Nullable Responsible responsible,
        @Nullable ActionRequired actionRequired,
        int deliveryExceptions,
        @Nullable Integer attempts,
        @Nullable String partner,
        long version,
        @Nullable Instant asOf,
        @Nullable Instant stalledSince,
        List<HistoryEntry> history) {

    public CardStatus {
        history = List.copyOf(history);
    }

    /** A status that is not stalled, as every status written before stalls existed. */
    public CardStatus(
            String cardId,
            EventType status,
            Instant statusAt,
            @Nullable String phone,
            @Nullable String comment,
            @Nullable Reason reason,
            @Nullable String rawReason,
            @Nullable Responsible responsible,
            @Nullable ActionRequired actionRequired,
            int deliveryExceptions,
            @Nullable Integer attempts,
            @Nullable String partner,
            long version,
            @Nullable Instant asOf,
            List<HistoryEntry> history) {
        this(
                cardId,
                status,
                statusAt,
                phone,
                comment,
                reason,
                rawReason,
                responsible,
                actionRequired,
                deliveryExceptions,
                attempts,
                partner,
                version,
                asOf,
                null,
                history);
    }

    /** This status, stalled since {@code since} (null: not stalled). */
    public CardStatus withStalledSince(@Nullable Instant since) {
        return new CardStatus(
                cardId,
                status,
                statusAt,
                phone,
                comment,
                reason,
                rawReason,
                responsible,
                actionRequired,
                deliveryExceptions,
                attempts,
                partner,
                version,
                asOf,
                since,
                history);
    }

    /**
     * One distinct event of the card, in fold order (oldest first), with its reason as the card's mapping gave it and
     * where it came from.
     */
    public record HistoryEntry(
            EventType status,
            Instant at,
            @Nullable String comment,
            @Nullable Reason reason,
            @Nullable String rawReason,
            @Nullable Responsible responsible,
            @Nullable ActionRequired actionRequired,
            @Nullable String partnerEventId,
            @Nullable EventSource source) {

        /** An entry without the fields of contract §10, as records written before them hold it. */
        public static HistoryEntry of(EventType status, Instant at, @Nullable String comment) {
            return new HistoryEntry(status, at, comment, null, null, null, null, null, null);
        }
    }
}
