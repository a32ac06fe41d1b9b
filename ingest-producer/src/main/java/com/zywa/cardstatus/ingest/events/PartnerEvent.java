package com.zywa.cardstatus.ingest.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** One event as a partner publishes it over HTTP: the contract §3 fields, as text, validated like a CSV row. */
@Schema(description = "A courier event published by a partner")
record PartnerEvent(
        @Schema(description = "PICKED_UP, DELIVERY_EXCEPTION, DELIVERED or RETURNED", example = "DELIVERED")
        @JsonProperty("type")
        String type,

        @Schema(example = "ZYW8827") @JsonProperty("card_id")
        String cardId,

        @Schema(description = "any form: 0585949014, 585949014, +971585949014", example = "+971585949014")
        @JsonProperty("phone")
        String phone,

        @Schema(
                description = "ISO-8601 with offset, or a zone-less form read in the partner's zone",
                example = "2023-11-13T09:34:56Z")
        @JsonProperty("occurred_at")
        String occurredAt,

        @JsonProperty("comment") String comment,

        @Schema(description = "the partner's own ID of the event", example = "A883") @JsonProperty("partner_event_id")
        String partnerEventId) {}
