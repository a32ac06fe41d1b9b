package com.zywa.cardstatus.ingest.upload;

import java.util.UUID;

/** An upload whose events could not be published; nothing from it was applied, so it can be sent again. */
public class UploadFailedException extends RuntimeException {

    private final UUID uploadId;

    UploadFailedException(UUID uploadId, Throwable cause) {
        super(cause.getMessage(), cause);
        this.uploadId = uploadId;
    }

    public UUID uploadId() {
        return uploadId;
    }
}
