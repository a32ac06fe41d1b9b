package com.zywa.cardstatus.api.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a work-queue search, and the cursor of the next (null: this was the last). */
record CardPage(
        @JsonProperty("cards") List<QueuedCard> cards,

        @Schema(description = "pass as cursor to get the next page; null on the last page")
        @JsonProperty("next_cursor")
        @Nullable
        String nextCursor) {}
