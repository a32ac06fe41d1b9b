package com.zywa.cardstatus.api.erasure;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an erasure did, kept in {@code erasure_receipt} (processor's Flyway V12): when, who asked, by phone or by card
 * (and which card), the cards whose current phone it erased, how many data keys it deleted and the stores where values
 * sealed under them are — unreadable from then on. Never the phone nor its hash.
 */
record ErasureReceipt(
        @JsonProperty("id") UUID id,
        @JsonProperty("at") Instant at,
        @JsonProperty("caller") String caller,

        @Schema(allowableValues = {"phone", "card"}) @JsonProperty("by")
        String by,

        @Schema(description = "the card asked for (an erasure by card only)") @JsonProperty("card_id") @Nullable
        String cardId,

        @Schema(description = "the cards whose current phone was erased; they keep their status, with no phone")
        @JsonProperty("cards")
        List<String> cards,

        @Schema(description = "how many data keys were deleted (0: the service kept nothing of that phone)")
        @JsonProperty("keys_erased")
        int keysErased,

        @Schema(description = "where values sealed under the erased keys are kept (all unreadable now)")
        @JsonProperty("stores")
        List<String> stores) {

    /** An erasure by phone. */
    static final String BY_PHONE = "phone";

    /** An erasure by card. */
    static final String BY_CARD = "card";
}
