package com.zywa.cardstatus.formats.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One event as a partner publishes it over HTTP: the contract §3 fields and the reason code of §10, as text (any may
 * be missing), validated like a CSV row.
 */
@Schema(description = "A courier event published by a partner")
public record PartnerEvent(
        @Schema(description = "PICKED_UP, DELIVERY_EXCEPTION, DELIVERED or RETURNED", example = "DELIVERED")
        @JsonProperty("type")
        @Nullable
        String type,

        @Schema(example = "ZYW8827") @JsonProperty("card_id") @Nullable
        String cardId,

        @Schema(description = "any form: 0585949014, 585949014, +971585949014", example = "+971585949014")
        @JsonProperty("phone")
        @Nullable
        String phone,

        @Schema(
                description = "ISO-8601 with offset, or a zone-less form read in the partner's zone",
                example = "2023-11-13T09:34:56Z")
        @JsonProperty("occurred_at")
        @Nullable
        String occurredAt,

        @JsonProperty("comment") @Nullable String comment,

        @Schema(
                description =
                        "the partner's reason code (contract §10; at most 128 characters), mapped to a reason by"
                                + " the partner's mapping; a reason of the taxonomy itself (e.g. RECIPIENT_REFUSED) is taken as is",
                example = "NH")
        @JsonProperty("reason")
        @Nullable
        String reason,

        @Schema(description = "the partner's own ID of the event", example = "A883")
        @JsonProperty("partner_event_id")
        @Nullable
        String partnerEventId) {}
