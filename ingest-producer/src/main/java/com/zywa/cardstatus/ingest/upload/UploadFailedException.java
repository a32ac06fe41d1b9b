package com.zywa.cardstatus.ingest.upload;

/** An upload whose events could not be published; nothing from it was applied, so it can be sent again. */
public class UploadFailedException extends RuntimeException {

    private final String uploadId;

    UploadFailedException(String uploadId, Throwable cause) {
        super(cause.getMessage(), cause);
        this.uploadId = uploadId;
    }

    public String uploadId() {
        return uploadId;
    }
}
