package com.zywa.cardstatus.api.lookup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The answer to "what is the status of this card?", in the field names existing clients read. */
record CardStatusResponse(
        @JsonProperty("card_id") String cardId,
        @JsonProperty("user_phone") String userPhone,
        @JsonProperty("status") String status,
        @JsonProperty("status_at") Instant statusAt,
        @JsonProperty("comment") String comment,
        @JsonProperty("delivery_exceptions") int deliveryExceptions,
        @JsonProperty("history") List<HistoryItem> history,
        @JsonProperty("other_cards") List<String> otherCards) {

    /** One event of the card, oldest first. */
    record HistoryItem(@JsonProperty("status") String status, @JsonProperty("at") Instant at,
            @JsonProperty("comment") String comment) {
    }
}
