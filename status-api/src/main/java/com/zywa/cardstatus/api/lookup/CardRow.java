package com.zywa.cardstatus.api.lookup;

import com.zywa.cardstatus.support.personaldata.StoredKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the {@code card_status} projection, read-only here (the processor writes it). The fields of contract §10
 * are null in rows the processor wrote before it knew them, until the card changes or the projection is rebuilt. The
 * phone is as stored (sealed, contract §12) until the lookup opens it with {@code key}, the phone's data key read in
 * the same query (null when the phone has none: no phone, erased, or stored before phones were sealed).
 */
record CardRow(
        String cardId,
        String status,
        Instant statusAt,
        @Nullable String phone,
        @Nullable String comment,
        @Nullable String reason,
        @Nullable String rawReason,
        @Nullable String responsible,
        @Nullable String actionRequired,
        int deliveryExceptions,
        @Nullable Integer attempts,
        @Nullable String partner,
        @Nullable Instant asOf,
        @Nullable Instant stalledSince,
        String history,
        @Nullable StoredKey key) {

    /** This row with its phone as {@code phone} (the stored one opened, or null when its key is erased). */
    CardRow withPhone(@Nullable String phone) {
        return new CardRow(
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
                asOf,
                stalledSince,
                history,
                key);
    }
}
