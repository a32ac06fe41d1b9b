package com.zywa.cardstatus.contract;

import java.time.Instant;
import java.util.List;

/**
 * The current status of one card, as emitted on {@link Topics#STATUS} after every change. {@code version}
 * grows with every change of the card's folded state, so a reader can drop anything older than what it has.
 */
public record CardStatus(
        String cardId,
        EventType status,
        Instant statusAt,
        String phone,
        String comment,
        int deliveryExceptions,
        long version,
        List<HistoryEntry> history) {

    public CardStatus {
        history = List.copyOf(history);
    }

    /** One distinct event of the card, in fold order (oldest first). */
    public record HistoryEntry(EventType status, Instant at, String comment) {}
}
