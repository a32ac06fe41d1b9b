package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.Json;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Keeps every upload's report in {@code ingest.upload}, so {@code GET /uploads/{id}} answers later. */
@Repository
class UploadRepository {

    private final JdbcTemplate jdbc;

    UploadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(UploadReport report) {
        jdbc.update("""
                INSERT INTO ingest.upload (upload_id, partner, file_name, kind, state, rows_total, rows_accepted,
                                           rows_rejected, report, received_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?)
                ON CONFLICT (upload_id) DO UPDATE SET
                    kind = EXCLUDED.kind, state = EXCLUDED.state, rows_total = EXCLUDED.rows_total,
                    rows_accepted = EXCLUDED.rows_accepted, rows_rejected = EXCLUDED.rows_rejected,
                    report = EXCLUDED.report, finished_at = EXCLUDED.finished_at
                """, UUID.fromString(report.uploadId()), report.partner(), report.file(),
                report.kind() == null ? null : report.kind().name(), report.state().name(), report.rowsTotal(),
                report.rowsAccepted(), report.rowsRejected(), Json.MAPPER.writeValueAsString(report),
                Timestamp.from(report.receivedAt()),
                report.finishedAt() == null ? null : Timestamp.from(report.finishedAt()));
    }

    Optional<UploadReport> find(UUID uploadId) {
        return jdbc.query("SELECT report::text FROM ingest.upload WHERE upload_id = ?",
                (rs, n) -> Json.MAPPER.readValue(rs.getString(1), UploadReport.class), uploadId).stream().findFirst();
    }
}
