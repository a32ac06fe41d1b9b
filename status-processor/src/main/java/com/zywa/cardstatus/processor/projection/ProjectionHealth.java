package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.support.errors.Failures;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the projection keeps up: DOWN from the first failed write until a write succeeds again, so a projection
 * retrying against a database that is gone shows on health and in the log (WARN at every retry), never silently.
 */
@Component("projection")
class ProjectionHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ProjectionHealth.class);

    private volatile @Nullable Instant failingSince;
    private volatile @Nullable String lastFailure;
    private volatile @Nullable Instant lastWrite;

    /** Records a failed write that will be retried. */
    void failed(Throwable failure) {
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        lastFailure = Failures.reason(failure);
        log.warn("projection write failed (failing since {}), retrying with back-off: {}", failingSince, lastFailure);
    }

    /** Records a successful write. */
    void written() {
        if (failingSince != null) {
            log.info("projection writes again after failing since {}", failingSince);
        }
        failingSince = null;
        lastFailure = null;
        lastWrite = Instant.now();
    }

    /** When the projection last wrote a batch, in seconds since the epoch; NaN before its first write. */
    double lastWriteEpochSeconds() {
        Instant at = lastWrite;
        return at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
    }

    @Override
    public Health health() {
        Instant since = failingSince;
        if (since != null) {
            return Health.down()
                    .withDetail("failingSince", since.toString())
                    .withDetail("lastFailure", String.valueOf(lastFailure))
                    .build();
        }
        Health.Builder up = Health.up();
        return lastWrite == null
                ? up.build()
                : up.withDetail("lastWrite", lastWrite.toString()).build();
    }
}
