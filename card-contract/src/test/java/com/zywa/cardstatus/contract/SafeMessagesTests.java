package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import org.junit.jupiter.api.Test;

class SafeMessagesTests {

    @Test
    void keepsTheRootCauseButNotTheRowsADatabaseBatchEchoes() {
        RuntimeException failure = new IllegalStateException(
                "batch failed",
                new BatchUpdateException(
                        "Batch entry 0 INSERT INTO ingest.row_issue VALUES ('B1,,0501234567,12-11-2023 10:00')\nwas aborted",
                        new int[0]));

        assertThat(SafeMessages.rootCause(failure))
                .isEqualTo("BatchUpdateException: Batch entry 0 INSERT INTO ingest.row_issue VALUES (\"…\")");
    }

    @Test
    void capsALongMessage() {
        assertThat(SafeMessages.safe("x".repeat(2_000))).hasSize(501).endsWith("…");
    }
}
