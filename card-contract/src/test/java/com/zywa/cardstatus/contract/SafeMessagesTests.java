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
    void writesAFileNamesControlAndSeparatorCharactersSoItCannotForgeALogLine() {
        assertThat(SafeMessages.printable("a.csv\n2026-12-07 INFO upload of 'x' completed\r\u2028\u202e.csv\t"))
                .isEqualTo("a.csv\\u000a2026-12-07 INFO upload of 'x' completed\\u000d\\u2028\\u202e.csv\\u0009");
        assertThat(SafeMessages.printable("Sample – Delivered ✓.csv")).isEqualTo("Sample – Delivered ✓.csv");
        assertThat(SafeMessages.printable("x".repeat(2_000))).hasSize(501).endsWith("…");
    }

    @Test
    void capsALongMessage() {
        assertThat(SafeMessages.safe("x".repeat(2_000))).hasSize(501).endsWith("…");
    }
}
