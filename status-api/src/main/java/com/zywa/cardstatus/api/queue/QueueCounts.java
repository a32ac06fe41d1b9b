package com.zywa.cardstatus.api.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The work queue's counts (contract §13): cards per partner, status and action required, and the stalled ones among
 * them, read by one grouped query ({@link QueueCountRepository}) every {@code cardstatus.api.queue.counts-interval}
 * and kept, so the console and the gauges read the last snapshot. Groups are bounded: partners are configured,
 * statuses and actions closed sets.
 */
class QueueCounts {

    private static final Logger log = LoggerFactory.getLogger(QueueCounts.class);

    /** The counts as of a time: {@code asOf} null until the first count succeeded. */
    record Snapshot(
            @JsonProperty("as_of") @Nullable Instant asOf,
            @JsonProperty("counts") List<QueueCount> counts) {}

    private final QueueCountRepository repository;
    private final Clock clock;
    private volatile Snapshot last = new Snapshot(null, List.of());

    QueueCounts(QueueCountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Snapshot last() {
        return last;
    }

    /** Counts again; a failure keeps the last snapshot (its as_of says how old it is) and is logged once per try. */
    void refresh() {
        Instant at = clock.instant();
        try {
            last = new Snapshot(at, repository.count());
        } catch (DataAccessException e) {
            log.warn("could not count the work queue; keeping the counts of {}: {}", last.asOf(), e.getMessage());
        }
    }
}
