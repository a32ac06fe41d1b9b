package com.zywa.cardstatus.formats;

/**
 * A file that cannot be ingested at all (unknown kind, missing required column, not text); the message says
 * what is wrong and what was found, so the uploader can fix the file and send it again.
 */
public class FileRefusedException extends RuntimeException {

    private final String code;

    public FileRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable machine-readable reason, such as {@code missing_column}. */
    public String code() {
        return code;
    }
}
