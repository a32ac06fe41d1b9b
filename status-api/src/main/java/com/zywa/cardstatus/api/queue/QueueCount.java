package com.zywa.cardstatus.api.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** How many cards of one partner are in one status with one action required, and how many of them are stalled. */
record QueueCount(
        @JsonProperty("partner") @Nullable String partner,
        @JsonProperty("status") String status,
        @JsonProperty("action_required") @Nullable String actionRequired,
        @JsonProperty("cards") long cards,
        @JsonProperty("stalled") long stalled) {}
