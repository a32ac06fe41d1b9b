package com.zywa.cardstatus.api.queue;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work queue's counts (role {@code reader}): cards per partner, status and action required, and how many of them
 * are stalled, as of the last periodic count ({@code as_of}), never counted per request.
 */
@RestController
class QueueCountsController {

    private final QueueCounts counts;

    QueueCountsController(QueueCounts counts) {
        this.counts = counts;
    }

    @Operation(summary = "Cards per partner, status and action required, and the stalled ones, as of the last count")
    @GetMapping(path = "/api/v1/card-counts", produces = MediaType.APPLICATION_JSON_VALUE)
    QueueCounts.Snapshot counts() {
        return counts.last();
    }
}
