package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.formats.Upload;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;

/**
 * The life of every upload of this instance, from its first record to its final state, which only it writes:
 * {@link #begin} hands out the {@link RunningUpload} that publishes and ends one, {@link #refuse} records a file refused
 * before it began. No upload is left PROCESSING once nothing here runs it: {@link #start} fails those the last stop cut
 * short and fences their Kafka transactions, then every {@link #SWEEP_INTERVAL} a sweep on the scheduler writes the
 * final states kept while PostgreSQL was away and fails the records that landed after their caller had given up, so
 * an upload cut by a database outage is FAILED within that interval of the database's return (contract §8).
 */
final class UploadLifecycle {

    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(UploadLifecycle.class);

    private final UploadRecords records;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final String instanceId;
    private final Runnable fence;

    /** The uploads no sweep may fail: running here, or ended with a final state still to write. */
    private final Map<UUID, RunningUpload> ours = new ConcurrentHashMap<>();

    /**
     * Times are the scheduler's clock's. {@code fence} ends the Kafka transactions a stop of this instance left open
     * (an empty transaction under the same transactional ID), so read-committed consumers stop waiting for them.
     */
    UploadLifecycle(UploadRecords records, TaskScheduler scheduler, String instanceId, Runnable fence) {
        this.records = records;
        this.scheduler = scheduler;
        this.clock = scheduler.getClock();
        this.instanceId = instanceId;
        this.fence = fence;
    }

    /** Records a file refused before any row is read (its kind unknown): REFUSED at once, never PROCESSING. */
    void refuse(Upload upload, String reason) {
        records.start(upload, UploadState.REFUSED, instanceId, clock.instant());
        records.finish(upload.id(), UploadState.REFUSED, new UploadTally(), reason, clock.instant());
    }

    /**
     * Records the upload PROCESSING, having made it ours first so that no sweep takes it for an abandoned one. Throws
     * if the record cannot be written; the upload is then not ours (if the write landed after all, a sweep fails it).
     */
    RunningUpload begin(Upload upload) {
        UUID id = upload.id();
        RunningUpload running = new RunningUpload(upload, records, clock, () -> ours.remove(id));
        ours.put(id, running);
        try {
            records.start(upload, UploadState.PROCESSING, instanceId, clock.instant());
        } catch (RuntimeException e) {
            ours.remove(id);
            throw e;
        }
        return running;
    }

    /** Once at start-up: fails the uploads the last stop cut short, fences their transactions, schedules the sweep. */
    void start() {
        int failed = failAbandoned("ingest-producer " + instanceId + " stopped during this upload; nothing from it "
                + "was applied; upload it again");
        if (failed > 0) {
            log.warn("{} upload(s) interrupted by the last stop of instance {} are marked FAILED", failed, instanceId);
            fenceUnfinishedTransactions();
        }
        scheduler.scheduleWithFixedDelay(this::sweep, clock.instant().plus(SWEEP_INTERVAL), SWEEP_INTERVAL);
    }

    private void sweep() {
        try {
            for (RunningUpload upload : ours.values()) {
                upload.writeKept();
            }
            int failed = failAbandoned("the upload database was unreachable during this upload; nothing from it was "
                    + "applied; upload it again");
            if (failed > 0) {
                log.warn(
                        "{} upload(s) of instance {} left PROCESSING by a database outage are marked FAILED",
                        failed,
                        instanceId);
            }
        } catch (DataAccessException e) {
            log.debug("upload sweep postponed: the database is unreachable", e);
        } catch (RuntimeException e) {
            log.warn("upload sweep failed; tried again in {}", SWEEP_INTERVAL, e);
        }
    }

    /**
     * Fails this instance's PROCESSING records that are not ours. The time is read before the uploads that are ours:
     * one begun in between is among them, one begun later was received after the cutoff.
     */
    private int failAbandoned(String error) {
        Instant cutoff = clock.instant();
        Set<UUID> excluded = Set.copyOf(ours.keySet());
        return records.failAbandoned(instanceId, error, cutoff, excluded);
    }

    private void fenceUnfinishedTransactions() {
        try {
            fence.run();
        } catch (RuntimeException e) {
            log.warn(
                    "could not fence the unfinished Kafka transactions of instance {} yet ({}); the broker ends them "
                            + "after the transaction timeout, or the next upload fences them",
                    instanceId,
                    e.getMessage());
        }
    }
}
