package com.zywa.cardstatus.api.quarantine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One event of another partner for an owned card, not folded, waiting for ops to accept or discard it. */
record QuarantinedEvent(
        @Schema(description = "the card", example = "ZYW8890") @JsonProperty("card_id")
        String cardId,

        @Schema(description = "the quarantined event's ID: what accept and discard name") @JsonProperty("event_id")
        String eventId,

        @Schema(description = "the partner the card belongs to", example = "default") @JsonProperty("owner") @Nullable
        String owner,

        @Schema(description = "the partner that sent the event", example = "swift") @JsonProperty("partner") @Nullable
        String partner,

        @Schema(description = "the event's status", example = "DELIVERED") @JsonProperty("status")
        String status,

        @Schema(description = "when the event happened, as the partner said") @JsonProperty("at")
        Instant at,

        @JsonProperty("comment") @Nullable String comment,

        @JsonProperty("partner_event_id") @Nullable String partnerEventId,

        @JsonProperty("raw_reason") @Nullable String rawReason,

        @Schema(description = "who sent it (API key, token, drop-folder, kafka:…)") @JsonProperty("caller") @Nullable
        String caller,

        @Schema(description = "when the card's quarantine last changed") @JsonProperty("as_of") @Nullable
        Instant asOf) {}
