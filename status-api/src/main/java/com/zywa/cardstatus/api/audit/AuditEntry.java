package com.zywa.cardstatus.api.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One audited lookup: when, who, how ({@code phone}: by phone; {@code card}: by card ID, answered with a phone), the
 * card answered (null when a phone found none) and the phone's keyed hash, never the phone.
 */
public record AuditEntry(
        @JsonProperty("at") Instant at,
        @JsonProperty("caller") String caller,
        @JsonProperty("lookup") String lookup,
        @JsonProperty("card_id") @Nullable String cardId,
        @JsonProperty("phone_hash") @Nullable String phoneHash) {}
