package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.ingest.IngestSettings;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, marks uploads this instance was running when it stopped as FAILED: their Kafka transactions were
 * never committed (and are aborted now that this instance's producers fence them), so nothing from them applied.
 */
@Component
class InterruptedUploads implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InterruptedUploads.class);

    private final UploadRepository uploads;
    private final String instanceId;

    InterruptedUploads(UploadRepository uploads, IngestSettings settings) {
        this.uploads = uploads;
        this.instanceId = settings.instanceId();
    }

    @Override
    public void run(ApplicationArguments args) {
        int failed = uploads.failInterrupted(instanceId, "ingest-producer " + instanceId + " stopped during this "
                + "upload; nothing from it was applied; upload it again", Instant.now());
        if (failed > 0) {
            log.warn("{} upload(s) interrupted by the last stop of instance {} are marked FAILED", failed, instanceId);
        }
    }
}
