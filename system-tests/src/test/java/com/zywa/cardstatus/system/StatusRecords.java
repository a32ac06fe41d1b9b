package com.zywa.cardstatus.system;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventType;
import java.time.Instant;
import java.util.List;

/** Status records for tests that write {@code card.status} themselves, as the fold wrote them before contract §10. */
final class StatusRecords {

    private StatusRecords() {}

    /** A status with none of the fields of contract §10, whose one history entry is its current event. */
    static CardStatus beforeReasons(
            String cardId, EventType status, Instant at, String phone, String comment, int exceptions, long version) {
        return new CardStatus(
                cardId,
                status,
                at,
                phone,
                comment,
                null,
                null,
                null,
                null,
                exceptions,
                null,
                null,
                version,
                null,
                List.of(CardStatus.HistoryEntry.of(status, at, comment)));
    }
}
