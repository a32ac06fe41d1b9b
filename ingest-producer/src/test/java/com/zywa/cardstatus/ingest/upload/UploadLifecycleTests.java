package com.zywa.cardstatus.ingest.upload;

import static com.zywa.cardstatus.ingest.upload.UploadLifecycle.SWEEP_INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.Upload;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;

/**
 * The ordering rules of an upload's life, each on its own, on an in-memory database that can be taken away, a
 * manual clock and a manual scheduler: no Spring, no PostgreSQL, no Kafka, no waiting.
 */
class UploadLifecycleTests {

    private static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
    private static final String INSTANCE = "ingest-1";

    private final List<String> journal = new ArrayList<>();
    private final ManualClock clock = new ManualClock(T0);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryUploadRecords records = new InMemoryUploadRecords(journal);
    private int fences;
    private final UploadLifecycle lifecycle = new UploadLifecycle(records, scheduler, INSTANCE, () -> fences++);

    /** A Kafka transaction as EventPublisher runs it: the work's sends, then a commit, or an abort if it throws. */
    private final RunningUpload.Transactions<List<String>> kafka = work -> {
        List<String> sent = new ArrayList<>();
        try {
            work.accept(sent);
        } catch (RuntimeException e) {
            journal.add("abort");
            throw e;
        }
        journal.add("commit " + sent.size());
    };

    @Test
    void anUploadIsOursBeforeItsRecordIsWrittenSoASweepRightAfterTheInsertLeavesItRunning() {
        start();
        Upload upload = upload();
        records.afterNextStart(() -> scheduler.advance(SWEEP_INTERVAL));

        RunningUpload running = lifecycle.begin(upload);

        assertThat(journal).containsExactly("start PROCESSING", "fail abandoned");
        assertThat(records.get(upload.id()).state).isEqualTo(UploadState.PROCESSING);
        assertThat(running.publish(kafka, rows(1, 0)).complete()).isTrue();
        assertThat(records.get(upload.id()).state).isEqualTo(UploadState.COMPLETED);
    }

    @Test
    void anUploadWhoseRecordSeemedNotWrittenIsNotOursAndTheNextSweepFailsTheRecordIfItLandedAfterAll() {
        start();
        Upload upload = upload();
        records.afterNextStart(() -> {
            throw new QueryTimeoutException("the insert landed, but its answer did not");
        });

        assertThatThrownBy(() -> lifecycle.begin(upload)).isInstanceOf(DataAccessException.class);
        scheduler.advance(SWEEP_INTERVAL);

        assertThat(records.get(upload.id()).state).isEqualTo(UploadState.FAILED);
        assertThat(records.get(upload.id()).error).startsWith("the upload database was unreachable");
    }

    @Test
    void theRecordHoldsEveryRowAndIssueBeforeTheTransactionCommits() {
        start();
        Upload upload = upload();

        lifecycle.begin(upload).publish(kafka, rows(3, 2));

        assertThat(journal).containsExactly("start PROCESSING", "issues 2", "progress 5", "commit 5");
        assertThat(records.get(upload.id()).issues).hasSize(2);
    }

    @Test
    void issuesAreStoredInBatchesAndTheProgressEveryTenThousandRowsAsTheFileStreams() {
        start();

        lifecycle.begin(upload()).publish(kafka, rows(0, 10_250));

        assertThat(Collections.frequency(journal, "issues " + RunningUpload.ISSUE_BATCH))
                .isEqualTo(10_000 / RunningUpload.ISSUE_BATCH);
        assertThat(journal)
                .containsSubsequence(
                        "progress " + RunningUpload.PROGRESS_EVERY, "issues 250", "progress 10250", "commit 10250");
    }

    @Test
    void aDatabaseGoneBeforeTheCommitAbortsItAndTheUploadIsFailedOnceTheDatabaseIsBackWithoutTryingSooner() {
        start();
        Upload upload = upload();
        RunningUpload running = lifecycle.begin(upload);

        RuntimeException failure = catchRuntimeException(() -> running.publish(kafka, (batch, rows) -> {
            rows(3, 0).accept(batch, rows);
            records.down(true);
        }));
        boolean recorded = running.fail(failure, "DataAccessResourceFailureException: refused");

        assertThat(recorded).isFalse();
        assertThat(journal).containsExactly("start PROCESSING", "issues 0 refused", "abort");
        scheduler.advance(SWEEP_INTERVAL);
        assertThat(records.get(upload.id()).state).isEqualTo(UploadState.PROCESSING);
        records.down(false);
        scheduler.advance(SWEEP_INTERVAL);
        assertThat(records.get(upload.id()).state).isEqualTo(UploadState.FAILED);
        assertThat(records.get(upload.id()).error)
                .isEqualTo("publishing failed after 3 rows and nothing from this file was applied; upload it again "
                        + "(DataAccessResourceFailureException: refused)");
        assertThat(records.get(upload.id()).finishedAt).isEqualTo(T0);
    }

    @Test
    void aPublishingFailureOtherThanTheDatabaseIsRecordedFailedAtOnceWithNothingCounted() {
        start();
        Upload upload = upload();
        RunningUpload running = lifecycle.begin(upload);

        RuntimeException failure = catchRuntimeException(() -> running.publish(kafka, (batch, rows) -> {
            rows(2, 1).accept(batch, rows);
            throw new IllegalStateException("broker down");
        }));

        assertThat(running.fail(failure, "IllegalStateException: broker down")).isTrue();
        assertThat(journal).containsExactly("start PROCESSING", "abort", "finish FAILED");
        assertThat(records.get(upload.id()).error).startsWith("publishing failed after 3 rows");
        assertThat(records.get(upload.id()).rowsAccepted).isZero();
        assertThat(records.get(upload.id()).issues).isEmpty();
    }

    @Test
    void aCompletedUploadWhoseFinalStateCannotBeWrittenStaysOursUntilASweepHasWrittenIt() {
        start();
        Upload upload = upload();
        RunningUpload.Committed committed = lifecycle.begin(upload).publish(kafka, rows(2, 0));
        records.down(true);

        assertThat(committed.complete()).isFalse();
        scheduler.advance(SWEEP_INTERVAL);
        records.down(false);
        scheduler.advance(SWEEP_INTERVAL);

        assertThat(records.get(upload.id()).state).isEqualTo(UploadState.COMPLETED);
        assertThat(records.get(upload.id()).rowsAccepted).isEqualTo(2);
        assertThat(records.get(upload.id()).error).isNull();
    }

    @Test
    void anUploadBegunWhileASweepReadsTheTimeIsNotFailed() {
        start();
        Upload upload = upload();
        AtomicReference<RunningUpload> running = new AtomicReference<>();
        clock.onNextRead(() -> {
            running.set(lifecycle.begin(upload));
            clock.advance(Duration.ofMillis(1));
        });

        scheduler.advance(SWEEP_INTERVAL);

        assertThat(records.get(upload.id()).state).isEqualTo(UploadState.PROCESSING);
        assertThat(running.get().publish(kafka, rows(1, 0)).complete()).isTrue();
    }

    @Test
    void aRecordLeftProcessingByAnOutageIsFailedByTheSweepWithinItsInterval() {
        start();
        Upload left = upload();
        records.processing(left, INSTANCE, clock.now());

        scheduler.advance(SWEEP_INTERVAL.minusMillis(1));
        assertThat(records.get(left.id()).state).isEqualTo(UploadState.PROCESSING);
        scheduler.advance(Duration.ofMillis(1));

        assertThat(records.get(left.id()).state).isEqualTo(UploadState.FAILED);
    }

    @Test
    void atStartTheUploadsTheLastStopCutShortAreFailedAndTheirTransactionsFenced() {
        Upload cut = upload();
        Upload another = upload();
        records.processing(cut, INSTANCE, T0.minusSeconds(60));
        records.processing(another, "ingest-2", T0.minusSeconds(60));

        start();

        assertThat(records.get(cut.id()).state).isEqualTo(UploadState.FAILED);
        assertThat(records.get(cut.id()).error)
                .isEqualTo("ingest-producer ingest-1 stopped during this upload; "
                        + "nothing from it was applied; upload it again");
        assertThat(records.get(another.id()).state).isEqualTo(UploadState.PROCESSING);
        assertThat(fences).isEqualTo(1);
        assertThat(scheduler.scheduled()).isEqualTo(1);
    }

    @Test
    void aStartWithNothingInterruptedFencesNothingAndAFailedFenceStopsNoStart() {
        start();
        assertThat(fences).isZero();

        records.processing(upload(), INSTANCE, T0.minusSeconds(60));
        UploadLifecycle unfenced = new UploadLifecycle(records, scheduler, INSTANCE, () -> {
            throw new IllegalStateException("Kafka is unreachable");
        });
        unfenced.start();
        assertThat(scheduler.scheduled()).isEqualTo(2);
    }

    @Test
    void aFileRefusedBeforeItsRowsIsRecordedRefusedAndNeverProcessing() {
        Upload upload = upload();

        lifecycle.refuse(upload, "file name 'cards.csv' does not name a kind");

        assertThat(journal).containsExactly("start REFUSED", "finish REFUSED");
        assertThat(records.get(upload.id()).error).isEqualTo("file name 'cards.csv' does not name a kind");
    }

    @Test
    void aFileRefusedWhileItsRowsAreReadKeepsNoIssues() {
        start();
        Upload upload = upload();
        RunningUpload running = lifecycle.begin(upload);
        catchRuntimeException(() -> running.publish(kafka, (batch, rows) -> {
            rows(0, 600).accept(batch, rows);
            throw new IllegalArgumentException("line 602 has 3 fields, the header 4");
        }));

        running.refuse("line 602 has 3 fields, the header 4");

        assertThat(records.get(upload.id()).state).isEqualTo(UploadState.REFUSED);
        assertThat(records.get(upload.id()).issues).isEmpty();
    }

    @Test
    void anUploadIsPublishedOnceAndEndsOnceAndNoFailureIsRecordedAfterItsCommit() {
        start();
        RunningUpload running = lifecycle.begin(upload());
        RunningUpload.Committed committed = running.publish(kafka, rows(1, 0));

        assertThatIllegalStateException().isThrownBy(() -> running.publish(kafka, rows(1, 0)));
        assertThatIllegalStateException().isThrownBy(() -> running.fail(new IllegalStateException("late"), "late"));
        assertThatIllegalStateException().isThrownBy(() -> running.refuse("late"));
        assertThat(committed.complete()).isTrue();
        assertThatIllegalStateException().isThrownBy(committed::complete);
        assertThat(journal)
                .containsExactly("start PROCESSING", "issues 0", "progress 1", "commit 1", "finish COMPLETED");
    }

    /** Starts the lifecycle, forgetting the start's own writes. */
    private void start() {
        lifecycle.start();
        journal.clear();
    }

    private static Upload upload() {
        return new Upload(UUID.randomUUID(), "default", "pickup.csv", EventType.PICKED_UP, "http", null, "ops-test");
    }

    /** A file's rows: {@code accepted} events, then {@code rejected} rows, each counted and sent. */
    private static BiConsumer<List<String>, RunningUpload.Rows> rows(int accepted, int rejected) {
        return (batch, rows) -> {
            for (int line = 2; line < 2 + accepted + rejected; line++) {
                RowOutcome outcome = line < 2 + accepted
                        ? new RowOutcome.Accepted(
                                line,
                                CardEvent.of(EventType.PICKED_UP, "ZYW" + line, null, T0, null, null, null),
                                List.of())
                        : new RowOutcome.Rejected(line, "line " + line + ": card ID is empty", ",0501234567");
                rows.read(outcome);
                batch.add(outcome instanceof RowOutcome.Accepted ? "event" : "rejected row");
            }
        };
    }
}
