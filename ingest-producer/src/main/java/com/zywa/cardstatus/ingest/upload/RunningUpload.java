package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.Upload;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One upload from its PROCESSING record to its final state, as {@link UploadLifecycle#begin} hands it out: its rows
 * are published once, in one transaction ({@link #publish}), and it ends once, COMPLETED only after that transaction
 * committed ({@link Committed#complete}). A final state the database cannot take now is kept, and the upload stays
 * {@link UploadLifecycle}'s (no sweep fails it) until a sweep has written it.
 */
final class RunningUpload {

    /** Rows between two progress updates of a running upload. */
    static final int PROGRESS_EVERY = 10_000;

    /** Row issues stored in one batch. */
    static final int ISSUE_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(RunningUpload.class);

    /** A transaction that commits when its work returns and aborts when it throws ({@code EventPublisher}'s). */
    @FunctionalInterface
    interface Transactions<B> {
        void inTransaction(Consumer<B> work);
    }

    private enum Phase {
        RUNNING,
        PUBLISHING,
        COMMITTED,
        ENDED
    }

    private record Ending(UploadState state, @Nullable String error, Instant at) {}

    private final Upload upload;
    private final UploadRecords records;
    private final Clock clock;
    private final Runnable release;
    private final UploadTally tally = new UploadTally();
    private Phase phase = Phase.RUNNING;
    private volatile @Nullable Ending kept;

    /** {@code release} tells the lifecycle that this upload's final state is written (or that it never will be). */
    RunningUpload(Upload upload, UploadRecords records, Clock clock, Runnable release) {
        this.upload = upload;
        this.records = records;
        this.clock = clock;
        this.release = release;
    }

    UUID id() {
        return upload.id();
    }

    long rowsRead() {
        return tally.read();
    }

    /**
     * Runs {@code rows} in one transaction of {@code transactions}: it sends what the file's rows become to the
     * transaction's batch and counts each in the {@link Rows} it is given. The record's last issues and final count
     * are the transaction's last step, so it commits only once the record holds every row: PostgreSQL gone by then
     * aborts it, and the upload applies nothing rather than being applied with no record of it.
     */
    <B> Committed publish(Transactions<B> transactions, BiConsumer<B, Rows> rows) {
        require(phase == Phase.RUNNING, "is published once, before it ends");
        phase = Phase.PUBLISHING;
        transactions.inTransaction(batch -> {
            rows.accept(batch, new Rows());
            records.saveIssues(id(), tally.drainIssues());
            records.progress(id(), tally.read());
        });
        phase = Phase.COMMITTED;
        return new Committed();
    }

    /** Ends the upload REFUSED, its file unreadable as a whole; nothing from it was applied. */
    void refuse(String reason) {
        require(phase != Phase.COMMITTED && phase != Phase.ENDED, "is refused only before its rows are committed");
        end(new Ending(UploadState.REFUSED, reason, clock.instant()));
    }

    /**
     * Ends the upload FAILED after its publishing threw: nothing from it was applied. When the database itself
     * failed, the final state is kept for the next sweep without being tried now, which would only make the caller
     * wait for the pool again. Returns whether the final state is written.
     */
    boolean fail(RuntimeException failure, String cause) {
        require(phase != Phase.COMMITTED && phase != Phase.ENDED, "fails only before its rows are committed");
        Ending failed = new Ending(
                UploadState.FAILED,
                "publishing failed after " + tally.read() + " rows and nothing from this file was applied; upload it "
                        + "again (" + cause + ")",
                clock.instant());
        if (UploadFailedException.isDatabase(failure)) {
            phase = Phase.ENDED;
            kept = failed;
            return false;
        }
        return end(failed);
    }

    /** Writes the final state kept while the database was away, if any; throws, still keeping it, while it is. */
    void writeKept() {
        Ending ending = kept;
        if (ending != null) {
            records.finish(id(), ending.state(), tally, ending.error(), ending.at());
            kept = null;
            release.run();
            log.info("upload {} is recorded {} now that the database is back", id(), ending.state());
        }
    }

    private boolean end(Ending ending) {
        phase = Phase.ENDED;
        try {
            records.finish(id(), ending.state(), tally, ending.error(), ending.at());
            return true;
        } catch (DataAccessException e) {
            kept = ending;
            log.warn(
                    "upload {} ended {} but the database is unreachable ({}); its state is written when it is back",
                    id(),
                    ending.state(),
                    SafeMessages.rootCause(e));
            return false;
        } finally {
            if (kept == null) {
                release.run();
            }
        }
    }

    private void require(boolean legal, String rule) {
        if (!legal) {
            throw new IllegalStateException("upload " + id() + " " + rule + "; it is " + phase);
        }
    }

    /** Counts the rows of the transaction as they are read, storing their issues in batches and progress now and then. */
    final class Rows {

        private Rows() {}

        void read(RowOutcome outcome) {
            tally.count(outcome);
            if (tally.pendingIssues() >= ISSUE_BATCH) {
                records.saveIssues(id(), tally.drainIssues());
            }
            if (tally.read() % PROGRESS_EVERY == 0) {
                records.progress(id(), tally.read());
            }
        }

        /** A warning about the whole file (such as its encoding). */
        void fileWarning(String warning) {
            tally.fileWarning(warning);
        }
    }

    /** An upload whose rows the transaction committed: recording it COMPLETED is all that is left. */
    final class Committed {

        private Committed() {}

        /** Records the upload COMPLETED; false when the database is away (the state is written once it is back). */
        boolean complete() {
            require(phase == Phase.COMMITTED, "completes once, after its rows are committed");
            return end(new Ending(UploadState.COMPLETED, null, clock.instant()));
        }

        UploadTally tally() {
            return tally;
        }
    }
}
