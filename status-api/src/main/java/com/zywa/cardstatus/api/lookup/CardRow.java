package com.zywa.cardstatus.api.lookup;

import java.time.Instant;

/** One row of the {@code card_status} projection, read-only here (the processor writes it). */
record CardRow(
        String cardId,
        String status,
        Instant statusAt,
        String phone,
        String comment,
        int deliveryExceptions,
        String history) {}
