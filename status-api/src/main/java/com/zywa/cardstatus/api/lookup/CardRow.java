package com.zywa.cardstatus.api.lookup;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One row of the {@code card_status} projection, read-only here (the processor writes it). */
@Table("card_status")
record CardRow(@Id String cardId, String status, Instant statusAt, String phone, String comment,
        int deliveryExceptions, String history, Instant updatedAt) {
}
