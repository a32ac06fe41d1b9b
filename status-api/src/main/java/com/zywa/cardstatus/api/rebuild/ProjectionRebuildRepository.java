package com.zywa.cardstatus.api.rebuild;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The projection's generations as the processor records them ({@code projection_generation}), and the two things
 * ops may do to them: ask for a rebuild and cancel one, through the processor's functions for it (the API's database
 * role reads only; it opens a read-write transaction for these calls alone).
 */
@Component
class ProjectionRebuildRepository {

    private static final String COLUMNS = """
            generation, state, mode, requested_by, requested_at, started_at, switched_at, finished_at,
            cancel_requested, records_total, records_read, cards_written, reasons_remapped, heartbeat_at, message
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ProjectionRebuildRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The latest generations, newest first. */
    List<ProjectionRebuild> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projection_generation ORDER BY generation DESC LIMIT ?")
                .param(limit)
                .query(ProjectionRebuildRepository::row)
                .list();
    }

    Optional<ProjectionRebuild> find(int id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projection_generation WHERE generation = ?")
                .param(id)
                .query(ProjectionRebuildRepository::row)
                .optional();
    }

    /** Asks for a rebuild; empty when one is already requested or building. */
    Optional<Integer> request(String mode, String requestedBy) {
        try {
            return Optional.ofNullable(
                    (Integer) readWrite("SELECT request_projection_rebuild(?, ?)", mode, requestedBy));
        } catch (DuplicateKeyException alreadyOne) {
            return Optional.empty();
        }
    }

    /** Cancels a requested or building rebuild; false when it was neither. */
    boolean cancel(int id) {
        return readWrite("SELECT cancel_projection_rebuild(?)", id) != null;
    }

    /** Calls one of the processor's functions in a read-write transaction of its own; returns what it returned. */
    private @Nullable Object readWrite(String call, Object... args) {
        return template.execute((ConnectionCallback<@Nullable Object>) connection -> {
            boolean readOnly = connection.isReadOnly();
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setReadOnly(false);
                connection.setAutoCommit(false);
                try (Statement readWrite = connection.createStatement()) {
                    readWrite.execute("SET TRANSACTION READ WRITE");
                }
                Object result;
                try (PreparedStatement statement = connection.prepareStatement(call)) {
                    for (int i = 0; i < args.length; i++) {
                        statement.setObject(i + 1, args[i]);
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        result = rs.next() ? rs.getObject(1) : null;
                    }
                }
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                connection.setReadOnly(readOnly);
            }
        });
    }

    private static ProjectionRebuild row(ResultSet rs, int rowNum) throws SQLException {
        return new ProjectionRebuild(
                rs.getInt("generation"),
                rs.getString("state"),
                rs.getString("mode"),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                instant(rs, "started_at"),
                instant(rs, "switched_at"),
                instant(rs, "finished_at"),
                rs.getBoolean("cancel_requested"),
                rs.getObject("records_total", Long.class),
                rs.getLong("records_read"),
                rs.getLong("cards_written"),
                rs.getLong("reasons_remapped"),
                instant(rs, "heartbeat_at"),
                rs.getString("message"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
