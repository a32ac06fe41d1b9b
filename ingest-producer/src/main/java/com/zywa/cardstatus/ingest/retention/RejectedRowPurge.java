package com.zywa.cardstatus.ingest.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drops the raw text of rejected rows once their upload is older than the configured retention
 * (docs/deployment-security.md): the row's line and reason stay in its upload's report, the text (which may hold a
 * phone number) is gone. Works in batches, so a large backlog never holds one long transaction; running it twice,
 * or on two instances, is harmless.
 */
public final class RejectedRowPurge {

    private static final Logger log = LoggerFactory.getLogger(RejectedRowPurge.class);
    private static final int BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final Duration retention;

    public RejectedRowPurge(JdbcTemplate jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** Purges the raw text of rows whose upload was received before {@code now} minus the retention; returns how many. */
    public int purge(Instant now) {
        Timestamp before = Timestamp.from(now.minus(retention));
        int total = 0;
        int purged;
        do {
            purged = jdbc.update(
                    "UPDATE ingest.row_issue SET raw = NULL WHERE id IN (SELECT i.id FROM ingest.row_issue i "
                            + "JOIN ingest.upload u USING (upload_id) WHERE i.raw IS NOT NULL AND u.received_at < ? LIMIT ?)",
                    before,
                    BATCH);
            total += purged;
        } while (purged == BATCH);
        if (total > 0) {
            log.info(
                    "purged the raw text of {} rejected rows of uploads received before {} (retention {})",
                    total,
                    before.toInstant(),
                    retention);
        }
        return total;
    }
}
