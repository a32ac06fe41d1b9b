package com.zywa.cardstatus.api.rebuild;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One generation of the projection and the rebuild that made it (contract §10), as ops watch it. */
record ProjectionRebuild(
        @Schema(description = "the generation this rebuild fills (card_status_g<generation>)", example = "2")
        @JsonProperty("id")
        int id,

        @Schema(
                description = "requested, building, current (the API answers from it), cancelled, failed, or dropped "
                        + "(replaced by a later generation)",
                allowableValues = {"requested", "building", "current", "cancelled", "failed", "dropped"})
        @JsonProperty("state")
        String state,

        @Schema(description = "reproject: card.status read again; initial: the generation the migration made")
        @JsonProperty("mode")
        String mode,

        @Schema(description = "the name of the API key or token that asked") @JsonProperty("requested_by")
        String requestedBy,

        @JsonProperty("requested_at") Instant requestedAt,
        @JsonProperty("started_at") @Nullable Instant startedAt,

        @Schema(description = "when the API began answering from this generation")
        @JsonProperty("switched_at")
        @Nullable
        Instant switchedAt,

        @Schema(description = "when it switched, was cancelled, failed or was dropped")
        @JsonProperty("finished_at")
        @Nullable
        Instant finishedAt,

        @JsonProperty("cancel_requested") boolean cancelRequested,

        @Schema(description = "card.status records to read (the topic's end when the rebuild began)")
        @JsonProperty("records_total")
        @Nullable
        Long recordsTotal,

        @JsonProperty("records_read") long recordsRead,

        @Schema(
                description = "rows written into the new generation so far (a card stored again at a newer version "
                        + "counts again); once it has read to the end, the cards the new generation holds")
        @JsonProperty("cards_written")
        long cardsWritten,

        @Schema(
                description = "history entries given a reason by the current mapping (none or OTHER before), "
                        + "counted at every version of a card read")
        @JsonProperty("reasons_remapped")
        long reasonsRemapped,

        @Schema(description = "when its processor last reported") @JsonProperty("heartbeat_at") @Nullable
        Instant heartbeatAt,

        @Schema(description = "why it failed, or how far a cancelled one got") @JsonProperty("message") @Nullable
        String message) {}
