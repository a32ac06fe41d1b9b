package com.zywa.cardstatus.api.reasons;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A partner's code or comment no rule of its reason mapping knows, and the cards whose current status shows it. */
record UnmappedReason(
        @Schema(description = "the partner whose mapping lacks it (null: the event named none)")
        @JsonProperty("partner")
        @Nullable
        String partner,

        @Schema(description = "the code as the partner sent it, or its comment when it sent no code", example = "NH")
        @JsonProperty("raw_reason")
        String rawReason,

        @Schema(description = "how many cards show it as their current reason now") @JsonProperty("cards")
        long cards,

        @Schema(description = "one of those cards, to look up") @JsonProperty("example_card")
        String exampleCard,

        @Schema(description = "when the latest of those cards changed") @JsonProperty("last_seen") @Nullable
        Instant lastSeen) {}
