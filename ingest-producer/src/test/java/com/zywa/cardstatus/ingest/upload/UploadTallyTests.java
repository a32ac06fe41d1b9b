package com.zywa.cardstatus.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadTallyTests {

    @Test
    void countsAFileWarningOnceAndReportsItOnLineOneWithoutCountingARow() {
        UploadTally tally = new UploadTally();

        tally.fileWarning("the file is not valid UTF-8, so it was read as Windows-1252");

        assertThat(tally.warnings()).isEqualTo(1);
        assertThat(tally.read()).isZero();
        assertThat(tally.drainIssues())
                .containsExactly(new UploadTally.Issue(
                        UploadTally.Severity.WARNING,
                        1,
                        "line 1: the file is not valid UTF-8, so it was read as Windows-1252",
                        null));
    }
}
