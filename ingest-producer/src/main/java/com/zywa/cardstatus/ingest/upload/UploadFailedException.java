package com.zywa.cardstatus.ingest.upload;

import java.util.UUID;

/** An upload whose events could not be published; nothing from it was applied, so it can be sent again. */
public class UploadFailedException extends RuntimeException {

    private final UUID uploadId;

    /** {@code reason} is what may be shown and stored of {@code cause}, which may echo the rows it was given. */
    UploadFailedException(UUID uploadId, String reason, Throwable cause) {
        super(reason, cause);
        this.uploadId = uploadId;
    }

    public UUID uploadId() {
        return uploadId;
    }
}
