package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.formats.Upload;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Uploads and their row issues in the {@code ingest} schema: written as a file streams, read back as reports. */
@Repository
class UploadRepository implements UploadRecords {

    private static final String COLUMNS = "upload_id, partner, file_name, kind, state, source, uploaded_by, rows_read, "
            + "rows_total, rows_accepted, rows_rejected, warnings_total, error, received_at, finished_at";

    private final JdbcTemplate jdbc;

    UploadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void start(Upload upload, UploadState state, String instanceId, Instant receivedAt) {
        jdbc.update(
                "INSERT INTO ingest.upload (upload_id, partner, file_name, kind, state, source, uploaded_by, "
                        + "instance_id, content_sha256, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                upload.id(),
                upload.partner(),
                upload.fileName(),
                upload.kind() == null ? null : upload.kind().name(),
                state.name(),
                upload.source(),
                upload.uploadedBy(),
                instanceId,
                upload.sha256(),
                Timestamp.from(receivedAt));
    }

    @Override
    public void progress(UUID uploadId, long rowsRead) {
        jdbc.update("UPDATE ingest.upload SET rows_read = ? WHERE upload_id = ?", rowsRead, uploadId);
    }

    @Override
    public void saveIssues(UUID uploadId, List<UploadTally.Issue> issues) {
        jdbc.batchUpdate(
                "INSERT INTO ingest.row_issue (upload_id, severity, line, message, raw) VALUES (?, ?, ?, ?, ?)",
                issues.stream()
                        .map(i -> new Object[] {uploadId, i.severity().name(), i.line(), i.message(), i.raw()})
                        .toList());
    }

    @Override
    public void finish(
            UUID uploadId, UploadState state, UploadTally tally, @Nullable String error, Instant finishedAt) {
        boolean applied = state == UploadState.COMPLETED;
        if (!applied) {
            jdbc.update("DELETE FROM ingest.row_issue WHERE upload_id = ?", uploadId);
        }
        jdbc.update(
                "UPDATE ingest.upload SET state = ?, rows_read = ?, rows_total = ?, rows_accepted = ?, "
                        + "rows_rejected = ?, warnings_total = ?, error = ?, finished_at = ? WHERE upload_id = ?",
                state.name(),
                tally.read(),
                applied ? tally.read() : 0,
                applied ? tally.accepted() : 0,
                applied ? tally.rejected() : 0,
                applied ? tally.warnings() : 0,
                error,
                Timestamp.from(finishedAt),
                uploadId);
    }

    Optional<UploadReport> find(UUID uploadId, int page, int size) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM ingest.upload WHERE upload_id = ?",
                        (rs, n) -> report(
                                rs,
                                issues(uploadId, "WARNING", page, size).stream()
                                        .map(UploadReport.Rejection::reason)
                                        .toList(),
                                issues(uploadId, "REJECTED", page, size),
                                page,
                                size),
                        uploadId)
                .stream()
                .findFirst();
    }

    /** The most recent uploads, newest first, without their issues. */
    List<UploadReport> recent(int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM ingest.upload ORDER BY received_at DESC LIMIT ?",
                (rs, n) -> report(rs, List.of(), List.of(), 0, 0),
                limit);
    }

    @Override
    public int failAbandoned(String instanceId, String error, Instant cutoff, Collection<UUID> excluded) {
        return jdbc.update(connection -> {
            PreparedStatement update = connection.prepareStatement("UPDATE ingest.upload SET state = 'FAILED', "
                    + "rows_total = 0, rows_accepted = 0, rows_rejected = 0, warnings_total = 0, error = ?, "
                    + "finished_at = ? WHERE state = 'PROCESSING' AND instance_id = ? AND received_at < ? "
                    + "AND NOT (upload_id = ANY (?))");
            update.setString(1, error);
            update.setTimestamp(2, Timestamp.from(cutoff));
            update.setString(3, instanceId);
            update.setTimestamp(4, Timestamp.from(cutoff));
            update.setArray(5, connection.createArrayOf("uuid", excluded.toArray()));
            return update;
        });
    }

    /** The completed upload of a drop-folder file with this name and content, if it was already ingested. */
    Optional<UUID> completedInboxUpload(String fileName, String sha256) {
        return jdbc
                .query(
                        "SELECT upload_id FROM ingest.upload WHERE source = 'inbox' AND file_name = ? "
                                + "AND content_sha256 = ? AND state = 'COMPLETED' LIMIT 1",
                        (rs, n) -> rs.getObject(1, UUID.class),
                        fileName,
                        sha256)
                .stream()
                .findFirst();
    }

    /** Every rejection of an upload, in line order, handed one by one to {@code each} as it is read. */
    void eachRejection(UUID uploadId, Consumer<UploadReport.Rejection> each) {
        jdbc.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement("SELECT line, message FROM ingest.row_issue "
                            + "WHERE upload_id = ? AND severity = 'REJECTED' ORDER BY line, id");
                    select.setObject(1, uploadId);
                    select.setFetchSize(1_000);
                    return select;
                },
                (ResultSet rs) -> each.accept(new UploadReport.Rejection(rs.getInt(1), rs.getString(2))));
    }

    private List<UploadReport.Rejection> issues(UUID uploadId, String severity, int page, int size) {
        return jdbc.query(
                "SELECT line, message FROM ingest.row_issue WHERE upload_id = ? AND severity = ? "
                        + "ORDER BY line, id LIMIT ? OFFSET ?",
                (rs, n) -> new UploadReport.Rejection(rs.getInt(1), rs.getString(2)),
                uploadId,
                severity,
                size,
                (long) page * size);
    }

    private static UploadReport report(
            ResultSet rs, List<String> warnings, List<UploadReport.Rejection> rejections, int page, int size)
            throws SQLException {
        String kind = rs.getString("kind");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new UploadReport(
                rs.getObject("upload_id", UUID.class),
                rs.getString("partner"),
                rs.getString("file_name"),
                kind == null ? null : EventType.valueOf(kind),
                UploadState.valueOf(rs.getString("state")),
                rs.getString("source"),
                rs.getString("uploaded_by"),
                rs.getLong("rows_read"),
                rs.getLong("rows_total"),
                rs.getLong("rows_accepted"),
                rs.getLong("rows_rejected"),
                rs.getLong("warnings_total"),
                warnings,
                rejections,
                page,
                size,
                rs.getString("error"),
                rs.getTimestamp("received_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
