package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.ingest.IngestSettings;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, marks uploads this instance was running when it stopped as FAILED: their Kafka transactions were
 * never committed, so nothing from them applied. When there were any, it fences them at once with an empty
 * transaction under the same transactional ID, so read-committed consumers (the fold) stop waiting for them now,
 * not when the broker's transaction timeout ends them.
 */
@Component
class InterruptedUploads implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedUploads.class);

    private final UploadRepository uploads;
    private final EventPublisher publisher;
    private final String instanceId;

    InterruptedUploads(UploadRepository uploads, EventPublisher publisher, IngestSettings settings) {
        this.uploads = uploads;
        this.publisher = publisher;
        this.instanceId = settings.instanceId();
    }

    @Override
    public void run(ApplicationArguments args) {
        int failed = uploads.failInterrupted(instanceId, "ingest-producer " + instanceId + " stopped during this "
                + "upload; nothing from it was applied; upload it again", Instant.now());
        if (failed > 0) {
            log.warn("{} upload(s) interrupted by the last stop of instance {} are marked FAILED", failed, instanceId);
            fenceUnfinishedTransactions();
        }
    }

    private void fenceUnfinishedTransactions() {
        try {
            publisher.inTransaction(batch -> {
            });
        } catch (RuntimeException e) {
            log.warn("could not fence the unfinished Kafka transactions of instance {} yet ({}); the broker ends them "
                    + "after the transaction timeout, or the next upload fences them", instanceId, e.getMessage());
        }
    }
}
