package com.zywa.cardstatus.api.lookup;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.zywa.cardstatus.contract.CardStatus;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The answer to "what is the status of this card?", in the field names existing clients read. The history is the
 * JSON the processor stored with the row ({@link CardStatus.HistoryEntry} items, oldest first), served as it is.
 */
record CardStatusResponse(
        @JsonProperty("card_id") String cardId,
        @JsonProperty("user_phone") String userPhone,
        @JsonProperty("status") String status,
        @JsonProperty("status_at") Instant statusAt,
        @JsonProperty("comment") String comment,
        @JsonProperty("delivery_exceptions") int deliveryExceptions,

        @ArraySchema(schema = @Schema(implementation = CardStatus.HistoryEntry.class))
        @JsonRawValue
        @JsonProperty("history")
        String history,

        @JsonProperty("other_cards") List<String> otherCards) {

    CardStatusResponse withOtherCards(List<String> others) {
        return new CardStatusResponse(
                cardId, userPhone, status, statusAt, comment, deliveryExceptions, history, others);
    }
}
