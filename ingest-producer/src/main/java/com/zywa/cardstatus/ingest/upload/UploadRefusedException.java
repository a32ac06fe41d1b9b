package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.formats.FileRefusedException;
import java.util.UUID;

/** An upload refused as a whole; carries the upload ID under which the refusal is recorded. */
public class UploadRefusedException extends RuntimeException {

    private final UUID uploadId;
    private final String code;

    UploadRefusedException(UUID uploadId, FileRefusedException cause) {
        super(cause.getMessage(), cause);
        this.uploadId = uploadId;
        this.code = cause.code();
    }

    public UUID uploadId() {
        return uploadId;
    }

    String code() {
        return code;
    }
}
