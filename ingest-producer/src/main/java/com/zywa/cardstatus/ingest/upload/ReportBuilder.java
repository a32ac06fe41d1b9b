package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.ingest.parse.RowOutcome;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Tallies the outcomes of one upload's rows as they stream by, and snapshots them as a report. */
final class ReportBuilder {

    private final String uploadId;
    private final String partner;
    private final String file;
    private final Instant receivedAt;
    private final Clock clock;
    private final List<String> warnings = new ArrayList<>();
    private final List<UploadReport.Rejection> rejections = new ArrayList<>();
    private EventType kind;
    private long accepted;

    ReportBuilder(String uploadId, String partner, String file, Clock clock) {
        this.uploadId = uploadId;
        this.partner = partner;
        this.file = file;
        this.clock = clock;
        this.receivedAt = clock.instant();
    }

    void kind(EventType kind) {
        this.kind = kind;
    }

    void count(RowOutcome outcome) {
        if (outcome instanceof RowOutcome.Accepted ok) {
            accepted++;
            warnings.addAll(ok.warnings());
        } else if (outcome instanceof RowOutcome.Rejected rejected) {
            rejections.add(new UploadReport.Rejection(rejected.line(), rejected.reason()));
        }
    }

    String uploadId() {
        return uploadId;
    }

    String partner() {
        return partner;
    }

    UploadReport processing() {
        return report(UploadState.PROCESSING, null, null);
    }

    UploadReport completed() {
        return report(UploadState.COMPLETED, null, clock.instant());
    }

    /** A report for an upload that applied nothing: counts are reset, since none of its rows went through. */
    UploadReport ended(UploadState state, String error) {
        return new UploadReport(uploadId, partner, file, kind, state, 0, 0, 0, List.of(), List.of(), error,
                receivedAt, clock.instant());
    }

    private UploadReport report(UploadState state, String error, Instant finishedAt) {
        return new UploadReport(uploadId, partner, file, kind, state, accepted + rejections.size(), accepted,
                rejections.size(), List.copyOf(warnings), List.copyOf(rejections), error, receivedAt, finishedAt);
    }
}
