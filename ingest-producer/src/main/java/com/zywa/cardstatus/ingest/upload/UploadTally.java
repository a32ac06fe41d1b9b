package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.formats.RowOutcome;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Counts the rows of one upload as they stream by and buffers their issues (rejections and warnings) so they
 * can be stored in batches; it never holds more than one batch of issues, whatever the file's size.
 */
final class UploadTally {

    /** One rejected or warned row, as stored in {@code row_issue}. */
    record Issue(
            Severity severity,
            int line,
            String message,
            @Nullable String raw) {}

    enum Severity {
        REJECTED,
        WARNING
    }

    private final List<Issue> pending = new ArrayList<>();
    private long accepted;
    private long rejected;
    private long warnings;

    void count(RowOutcome outcome) {
        if (outcome instanceof RowOutcome.Accepted ok) {
            accepted++;
            warnings += ok.warnings().size();
            ok.warnings().forEach(warning -> pending.add(new Issue(Severity.WARNING, ok.line(), warning, null)));
        } else if (outcome instanceof RowOutcome.Rejected bad) {
            rejected++;
            pending.add(new Issue(Severity.REJECTED, bad.line(), bad.reason(), bad.raw()));
        }
    }

    /** A warning about the whole file (such as its encoding), reported on line 1. */
    void fileWarning(String warning) {
        warnings++;
        pending.add(new Issue(Severity.WARNING, 1, "line 1: " + warning, null));
    }

    long read() {
        return accepted + rejected;
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }

    long warnings() {
        return warnings;
    }

    int pendingIssues() {
        return pending.size();
    }

    /** The buffered issues, handed over once and forgotten. */
    List<Issue> drainIssues() {
        List<Issue> issues = List.copyOf(pending);
        pending.clear();
        return issues;
    }
}
