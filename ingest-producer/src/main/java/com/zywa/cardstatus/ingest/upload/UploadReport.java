package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one upload: every row read is counted as accepted or rejected, warnings say what was lost
 * from accepted rows, {@code error} says why a refused or failed upload applied nothing. {@code warnings} and
 * {@code rejections} hold one page ({@code page}, {@code size}) of the issues, in line order. {@code uploadedBy} is
 * who sent the file: the caller's name, or {@code drop-folder}.
 */
public record UploadReport(
        UUID uploadId,
        String partner,
        String file,
        @Nullable EventType kind,
        UploadState state,
        String source,
        String uploadedBy,
        long rowsRead,
        long rowsTotal,
        long rowsAccepted,
        long rowsRejected,
        long warningsTotal,
        List<String> warnings,
        List<Rejection> rejections,
        int page,
        int size,
        @Nullable String error,
        Instant receivedAt,
        @Nullable Instant finishedAt) {

    /** One rejected row: its physical line (header = 1) and why it was refused. */
    public record Rejection(int line, String reason) {}

    /** Where an upload is in its life. */
    public enum UploadState {
        PROCESSING,
        COMPLETED,
        REFUSED,
        FAILED
    }
}
