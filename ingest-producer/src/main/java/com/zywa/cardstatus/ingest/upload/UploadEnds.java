package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sees that every upload this process starts gets its final state written: it knows which uploads are running here,
 * and keeps the final write of an upload that ended while PostgreSQL was unreachable, to be written again by
 * {@link InterruptedUploads} until it lands (an upload is never left PROCESSING because the database was away).
 */
@Component
class UploadEnds {

    private static final Logger log = LoggerFactory.getLogger(UploadEnds.class);

    /** An upload's final state, as it is to be written. */
    private record Ending(UploadState state, UploadTally tally, String error, Instant at) {}

    private final UploadRepository uploads;
    private final Clock clock = Clock.systemUTC();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Ending> unwritten = new ConcurrentHashMap<>();

    UploadEnds(UploadRepository uploads) {
        this.uploads = uploads;
    }

    /** Called before the upload's record is written, so no sweep can take it for an abandoned one. */
    void begin(UUID uploadId) {
        running.add(uploadId);
    }

    /** The upload's record could not be written: it is not running (if the write landed after all, a sweep ends it). */
    void abandon(UUID uploadId) {
        running.remove(uploadId);
    }

    /**
     * Writes the upload's final state; returns false when the database could not be reached, the write then being
     * kept and retried by {@link #writeUnwritten()}.
     */
    boolean end(UUID uploadId, UploadState state, UploadTally tally, String error) {
        Ending ending = new Ending(state, tally, error, clock.instant());
        try {
            write(uploadId, ending);
            return true;
        } catch (DataAccessException e) {
            unwritten.put(uploadId, ending);
            log.warn(
                    "upload {} ended {} but the database is unreachable ({}); its state is written when it is back",
                    uploadId,
                    state,
                    SafeMessages.rootCause(e));
            return false;
        } finally {
            running.remove(uploadId);
        }
    }

    /**
     * Keeps the final state of an upload that failed because the database went away, without trying it now (that
     * would only make its caller wait for the pool again); {@link #writeUnwritten()} writes it once the database is
     * back.
     */
    void endLater(UUID uploadId, UploadState state, UploadTally tally, String error) {
        unwritten.put(uploadId, new Ending(state, tally, error, clock.instant()));
        running.remove(uploadId);
    }

    /** Writes the final states kept while the database was unreachable; those it still cannot write stay kept. */
    void writeUnwritten() {
        unwritten.forEach((uploadId, ending) -> {
            write(uploadId, ending);
            unwritten.remove(uploadId);
            log.info("upload {} is recorded {} now that the database is back", uploadId, ending.state());
        });
    }

    /** The uploads this process is running or still has to record, which no sweep may mark FAILED. */
    Set<UUID> ours() {
        // running first: an upload leaves it only after entering unwritten, so it is always in one of the two copies
        Set<UUID> ours = new HashSet<>(running);
        ours.addAll(unwritten.keySet());
        return ours;
    }

    private void write(UUID uploadId, Ending ending) {
        uploads.finish(uploadId, ending.state(), ending.tally(), ending.error(), ending.at());
    }
}
