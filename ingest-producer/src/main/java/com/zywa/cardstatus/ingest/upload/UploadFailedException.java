package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.support.errors.Failures;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An upload that could not be carried out: its events could not be published (nothing from it was applied, so it
 * can be sent again), or the upload database could not be reached ({@code database_unavailable}).
 */
public class UploadFailedException extends RuntimeException {

    private final UUID uploadId;
    private final String code;

    /** {@code reason} is what may be shown and stored of {@code cause}, which may echo the rows it was given. */
    UploadFailedException(UUID uploadId, String reason, Throwable cause) {
        this(
                uploadId,
                "publish_failed",
                "the events could not be published and nothing from this file was applied; " + "upload it again ("
                        + reason + ")",
                cause);
    }

    private UploadFailedException(UUID uploadId, String code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.uploadId = uploadId;
        this.code = code;
    }

    /** The database went away during the upload: nothing was applied, and the upload is recorded FAILED. */
    static UploadFailedException database(UUID uploadId, String reason, Throwable cause) {
        return new UploadFailedException(
                uploadId,
                "database_unavailable",
                "the upload database could not be reached "
                        + "during this upload, so nothing from this file was applied; upload it again once it is back ("
                        + reason + ")",
                cause);
    }

    /** The file was published but its record could not be written yet; it is written once the database is back. */
    static UploadFailedException unrecorded(UUID uploadId, long accepted) {
        return new UploadFailedException(
                uploadId,
                "database_unavailable",
                "the file's " + accepted + " accepted rows "
                        + "were published, but the upload database cannot be reached to store its report; the report is "
                        + "stored once the database is back (uploading the file again changes nothing)",
                null);
    }

    /** True when {@code failure} comes from the upload database (unreachable, hung, refused). */
    static boolean isDatabase(Throwable failure) {
        return Failures.isDatabase(failure);
    }

    public UUID uploadId() {
        return uploadId;
    }

    public String code() {
        return code;
    }
}
