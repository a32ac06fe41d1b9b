package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.ingest.IngestSettings;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Leaves no upload of this instance PROCESSING when nothing runs it any more. At start-up, marks those the last stop
 * cut short as FAILED (their Kafka transactions never committed) and, when there were any, fences them at once with
 * an empty transaction under the same transactional ID, so read-committed consumers (the fold) stop waiting for them
 * now, not at the broker's transaction timeout. Then, every {@link #SWEEP_INTERVAL}, writes the final states kept
 * while PostgreSQL was unreachable ({@link UploadEnds}) and marks FAILED any upload record that landed while its
 * caller already had an error, so an upload cut by a database outage is FAILED within that interval of its return.
 */
@Component
class InterruptedUploads implements ApplicationRunner, DisposableBean {

    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(InterruptedUploads.class);

    private final UploadRepository uploads;
    private final UploadEnds ends;
    private final EventPublisher publisher;
    private final String instanceId;
    private final ScheduledExecutorService sweeps = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "upload-sweep");
        thread.setDaemon(true);
        return thread;
    });

    InterruptedUploads(UploadRepository uploads, UploadEnds ends, EventPublisher publisher, IngestSettings settings) {
        this.uploads = uploads;
        this.ends = ends;
        this.publisher = publisher;
        this.instanceId = settings.instanceId();
    }

    @Override
    public void run(ApplicationArguments args) {
        int failed = failAbandoned("ingest-producer " + instanceId + " stopped during this upload; nothing from it "
                + "was applied; upload it again");
        if (failed > 0) {
            log.warn("{} upload(s) interrupted by the last stop of instance {} are marked FAILED", failed, instanceId);
            fenceUnfinishedTransactions();
        }
        sweeps.scheduleWithFixedDelay(
                this::sweep, SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            ends.writeUnwritten();
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

    /** Marks FAILED this instance's PROCESSING uploads that no thread here runs or still has to record. */
    private int failAbandoned(String error) {
        Instant cutoff = Instant.now();
        Set<UUID> ours = ends.ours();
        return uploads.failAbandoned(instanceId, error, cutoff, ours);
    }

    private void fenceUnfinishedTransactions() {
        try {
            publisher.inTransaction(batch -> {});
        } catch (RuntimeException e) {
            log.warn(
                    "could not fence the unfinished Kafka transactions of instance {} yet ({}); the broker ends them "
                            + "after the transaction timeout, or the next upload fences them",
                    instanceId,
                    e.getMessage());
        }
    }

    @Override
    public void destroy() {
        sweeps.shutdownNow();
    }
}
