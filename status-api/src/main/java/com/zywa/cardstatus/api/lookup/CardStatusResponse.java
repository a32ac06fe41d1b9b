package com.zywa.cardstatus.api.lookup;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Responsible;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "what is the status of this card?", in the field names existing clients read, and after them the
 * fields of contract §10 (null for a card that has not changed since they were introduced, until the projection is
 * rebuilt). The history is the JSON the processor stored with the row ({@link CardStatus.HistoryEntry} items, oldest
 * first), served as it is.
 */
record CardStatusResponse(
        @JsonProperty("card_id") String cardId,
        @JsonProperty("user_phone") @Nullable String userPhone,
        @JsonProperty("status") String status,
        @JsonProperty("status_at") Instant statusAt,
        @JsonProperty("comment") @Nullable String comment,
        @JsonProperty("delivery_exceptions") int deliveryExceptions,

        @Schema(
                implementation = Reason.class,
                description = "why the current exception or return happened; null for a" + " pick-up or a delivery")
        @JsonProperty("reason")
        @Nullable
        String reason,

        @Schema(description = "the partner's code as sent, or its comment when no rule of its mapping knew it")
        @JsonProperty("raw_reason")
        @Nullable
        String rawReason,

        @Schema(implementation = Responsible.class) @JsonProperty("responsible") @Nullable
        String responsible,

        @Schema(implementation = ActionRequired.class, description = "what has to be done about the card now")
        @JsonProperty("action_required")
        @Nullable
        String actionRequired,

        @Schema(description = "distinct delivery attempts: the exceptions, plus the delivery")
        @JsonProperty("attempts")
        @Nullable
        Integer attempts,

        @Schema(description = "the courier partner of the card's current event") @JsonProperty("partner") @Nullable
        String partner,

        @Schema(description = "when the service accepted the change that made this status")
        @JsonProperty("as_of")
        @Nullable
        Instant asOf,

        @Schema(description = "when the card stalled (contract §13); null while it is not stalled")
        @JsonProperty("stalled_since")
        @Nullable
        Instant stalledSince,

        @ArraySchema(schema = @Schema(implementation = CardStatus.HistoryEntry.class))
        @JsonRawValue
        @JsonProperty("history")
        String history,

        @JsonProperty("other_cards") List<String> otherCards) {

    static CardStatusResponse of(CardRow row, List<String> others) {
        return new CardStatusResponse(
                row.cardId(),
                row.phone(),
                row.status(),
                row.statusAt(),
                row.comment(),
                row.deliveryExceptions(),
                row.reason(),
                row.rawReason(),
                row.responsible(),
                row.actionRequired(),
                row.attempts(),
                row.partner(),
                row.asOf(),
                row.stalledSince(),
                row.history(),
                others);
    }

    CardStatusResponse withOtherCards(List<String> others) {
        return new CardStatusResponse(
                cardId,
                userPhone,
                status,
                statusAt,
                comment,
                deliveryExceptions,
                reason,
                rawReason,
                responsible,
                actionRequired,
                attempts,
                partner,
                asOf,
                stalledSince,
                history,
                others);
    }
}
