package com.zywa.cardstatus.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rejection's reason as one CSV field: always quoted, quotes doubled, never a spreadsheet formula. */
class RejectionsCsvTests {

    @Test
    void quotesEveryReasonAndDoublesItsQuotes() {
        assertThat(RejectionsCsv.field("line 3: card ID is empty")).isEqualTo("\"line 3: card ID is empty\"");
        assertThat(RejectionsCsv.field("timestamp \"x\", unreadable")).isEqualTo("\"timestamp \"\"x\"\", unreadable\"");
        assertThat(RejectionsCsv.field(null)).isEqualTo("\"\"");
    }

    @Test
    void writesWhatASpreadsheetWouldRunAsText() {
        assertThat(RejectionsCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(RejectionsCsv.field("+1")).isEqualTo("\"'+1\"");
        assertThat(RejectionsCsv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    }
}
