package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.formats.Upload;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Upload records in a map, as {@link UploadRepository} keeps them in PostgreSQL, with a database that can be taken
 * away ({@link #down}) and a journal of every write tried, in order, beside the transaction's own steps.
 */
final class InMemoryUploadRecords implements UploadRecords {

    /** One upload's record. */
    static final class Record {
        final Upload upload;
        final String instanceId;
        final Instant receivedAt;
        UploadState state;
        long rowsRead;
        long rowsAccepted;
        String error;
        Instant finishedAt;
        final List<UploadTally.Issue> issues = new ArrayList<>();

        Record(Upload upload, UploadState state, String instanceId, Instant receivedAt) {
            this.upload = upload;
            this.state = state;
            this.instanceId = instanceId;
            this.receivedAt = receivedAt;
        }
    }

    final List<String> journal;
    private final Map<UUID, Record> records = new HashMap<>();
    private boolean down;
    private Runnable afterStart = () -> {};

    InMemoryUploadRecords(List<String> journal) {
        this.journal = journal;
    }

    /** While down, every write is refused as PostgreSQL's would be when it cannot be reached. */
    void down(boolean down) {
        this.down = down;
    }

    /** Runs {@code then} right after the next record is written, before its caller learns of it. */
    void afterNextStart(Runnable then) {
        this.afterStart = then;
    }

    Record get(UUID uploadId) {
        return records.get(uploadId);
    }

    /** A PROCESSING record another thread or process wrote, which none here runs. */
    void processing(Upload upload, String instanceId, Instant receivedAt) {
        records.put(upload.id(), new Record(upload, UploadState.PROCESSING, instanceId, receivedAt));
    }

    @Override
    public void start(Upload upload, UploadState state, String instanceId, Instant receivedAt) {
        write("start " + state);
        records.put(upload.id(), new Record(upload, state, instanceId, receivedAt));
        Runnable then = afterStart;
        afterStart = () -> {};
        then.run();
    }

    @Override
    public void progress(UUID uploadId, long rowsRead) {
        write("progress " + rowsRead);
        records.get(uploadId).rowsRead = rowsRead;
    }

    @Override
    public void saveIssues(UUID uploadId, List<UploadTally.Issue> issues) {
        write("issues " + issues.size());
        records.get(uploadId).issues.addAll(issues);
    }

    @Override
    public void finish(UUID uploadId, UploadState state, UploadTally tally, String error, Instant finishedAt) {
        write("finish " + state);
        Record record = records.get(uploadId);
        record.state = state;
        record.rowsRead = tally.read();
        record.rowsAccepted = state == UploadState.COMPLETED ? tally.accepted() : 0;
        record.error = error;
        record.finishedAt = finishedAt;
        if (state != UploadState.COMPLETED) {
            record.issues.clear();
        }
    }

    @Override
    public int failAbandoned(String instanceId, String error, Instant cutoff, Collection<UUID> excluded) {
        write("fail abandoned");
        int failed = 0;
        for (Record record : records.values()) {
            if (record.state == UploadState.PROCESSING
                    && record.instanceId.equals(instanceId)
                    && record.receivedAt.isBefore(cutoff)
                    && !excluded.contains(record.upload.id())) {
                record.state = UploadState.FAILED;
                record.error = error;
                record.finishedAt = cutoff;
                failed++;
            }
        }
        return failed;
    }

    private void write(String what) {
        if (down) {
            journal.add(what + " refused");
            throw new DataAccessResourceFailureException("Connection to 127.0.0.1:5432 refused");
        }
        journal.add(what);
    }
}
