package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.formats.Upload;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The writes of an upload's record that {@link UploadLifecycle} makes, as a port: PostgreSQL in the application
 * ({@link UploadRepository}), a map in the lifecycle's tests. Each write throws a
 * {@link org.springframework.dao.DataAccessException} when the database cannot take it.
 */
interface UploadRecords {

    /** Records a new upload, in {@code state}, before any of its rows is read. */
    void start(Upload upload, UploadState state, String instanceId, Instant receivedAt);

    void progress(UUID uploadId, long rowsRead);

    void saveIssues(UUID uploadId, List<UploadTally.Issue> issues);

    /** Ends an upload; a refused or failed one keeps no issues, since none of its rows was applied. */
    void finish(UUID uploadId, UploadState state, UploadTally tally, @Nullable String error, Instant finishedAt);

    /**
     * Marks FAILED, finished at {@code cutoff}, this instance's uploads still PROCESSING that were received before
     * {@code cutoff} and are not in {@code excluded}; returns how many.
     */
    int failAbandoned(String instanceId, String error, Instant cutoff, Collection<UUID> excluded);
}
