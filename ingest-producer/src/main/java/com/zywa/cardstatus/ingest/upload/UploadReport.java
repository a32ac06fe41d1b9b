package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.EventType;
import java.time.Instant;
import java.util.List;

/**
 * What happened to one uploaded file: every row is counted as accepted or rejected, warnings say what was lost
 * from accepted rows, and {@code error} says why a refused or failed upload applied nothing.
 */
public record UploadReport(
        String uploadId,
        String partner,
        String file,
        EventType kind,
        UploadState state,
        long rowsTotal,
        long rowsAccepted,
        long rowsRejected,
        List<String> warnings,
        List<Rejection> rejections,
        String error,
        Instant receivedAt,
        Instant finishedAt) {

    /** One rejected row: its physical line (header = 1) and why it was refused. */
    public record Rejection(int line, String reason) {
    }

    /** Where an upload is in its life. */
    public enum UploadState {
        PROCESSING, COMPLETED, REFUSED, FAILED
    }
}
