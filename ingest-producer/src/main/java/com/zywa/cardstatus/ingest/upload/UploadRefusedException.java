package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.ingest.parse.FileRefusedException;

/** An upload refused as a whole; carries the upload ID under which the refusal is recorded. */
public class UploadRefusedException extends RuntimeException {

    private final String uploadId;
    private final String code;

    UploadRefusedException(String uploadId, FileRefusedException cause) {
        super(cause.getMessage(), cause);
        this.uploadId = uploadId;
        this.code = cause.code();
    }

    public String uploadId() {
        return uploadId;
    }

    String code() {
        return code;
    }
}
