package com.zywa.cardstatus.api.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Responsible;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One card of a work-queue list: what ops sort and act on, its phone masked (the card's own lookup shows it whole),
 * without its history (the card's timeline has it). {@link CardSearchRepository} reads the phone as stored (sealed);
 * the controller opens and masks it ({@link #withMaskedPhone}) before any card is answered.
 */
record QueuedCard(
        @JsonProperty("card_id") String cardId,
        @JsonProperty("status") String status,
        @JsonProperty("status_at") Instant statusAt,

        @Schema(description = "masked: the country prefix and the last three digits", example = "+971******014")
        @JsonProperty("user_phone")
        @Nullable
        String maskedPhone,

        @JsonProperty("partner") @Nullable String partner,

        @Schema(implementation = Reason.class) @JsonProperty("reason") @Nullable
        String reason,

        @JsonProperty("raw_reason") @Nullable String rawReason,

        @Schema(implementation = Responsible.class) @JsonProperty("responsible") @Nullable
        String responsible,

        @Schema(implementation = ActionRequired.class) @JsonProperty("action_required") @Nullable
        String actionRequired,

        @JsonProperty("attempts") @Nullable Integer attempts,

        @Schema(description = "when the card stalled; null while it is not stalled")
        @JsonProperty("stalled_since")
        @Nullable
        Instant stalledSince,

        @Schema(description = "when the service accepted the change that made this status")
        @JsonProperty("as_of")
        @Nullable
        Instant asOf,

        @Schema(description = "when the status API's copy last changed: the order of the list")
        @JsonProperty("updated_at")
        Instant updatedAt) {

    /** This card with {@code phone} (masked, or null) as its phone. */
    QueuedCard withMaskedPhone(@Nullable String phone) {
        return new QueuedCard(
                cardId,
                status,
                statusAt,
                phone,
                partner,
                reason,
                rawReason,
                responsible,
                actionRequired,
                attempts,
                stalledSince,
                asOf,
                updatedAt);
    }
}
