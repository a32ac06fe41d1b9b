package com.zywa.cardstatus.api.lookup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the {@code card_status} projection, read-only here (the processor writes it). The fields of contract §10
 * are null in rows the processor wrote before it knew them, until the card changes or the projection is rebuilt.
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
        String history) {}
