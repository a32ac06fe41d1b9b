package com.zywa.cardstatus.ingest.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer to a batch of partner events: counts, and per event (by index) whether it was accepted and why not. */
record EventResults(
        @JsonProperty("accepted") int accepted,
        @JsonProperty("rejected") int rejected,
        @JsonProperty("results") List<Item> results) {

    /** The fate of the event at {@code index} of the request. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(
            @JsonProperty("index") int index,
            @JsonProperty("status") String status,
            @JsonProperty("event_id") String eventId,
            @JsonProperty("reason") String reason,
            @JsonProperty("warnings") List<String> warnings) {}
}
