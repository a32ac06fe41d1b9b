package com.zywa.cardstatus.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code lookup_audit} table (processor's Flyway V9). status-api's pool and role are read-only (the role's
 * {@code default_transaction_read_only}); writes here run in a transaction made read-write first, and the role may
 * only insert into and delete from this table.
 */
@Component
class LookupAuditRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JdbcTemplate writes;

    LookupAuditRepository(JdbcClient jdbc, TransactionTemplate transactions, JdbcTemplate writes) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writes = writes;
    }

    /**
     * Writes the entries in one round trip: the transaction, made read-write, its insert of every entry and its
     * commit go as one statement text in auto-commit, which PostgreSQL runs in order (three round trips before:
     * begin and read-write, insert, commit; the audit was most of what a lookup cost the API and PostgreSQL). When
     * the insert fails, the commit is skipped: the transaction is rolled back here before the connection goes back
     * to the pool, and the call fails.
     */
    void record(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "BEGIN READ WRITE; INSERT INTO lookup_audit (at, caller, lookup, card_id, phone_hash) VALUES ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        }
        String text = sql.append("; COMMIT").toString();
        writes.execute((Connection connection) -> {
            try (PreparedStatement insert = connection.prepareStatement(text)) {
                int p = 0;
                for (AuditEntry entry : entries) {
                    insert.setTimestamp(++p, Timestamp.from(entry.at()));
                    insert.setString(++p, entry.caller());
                    insert.setString(++p, entry.lookup());
                    insert.setString(++p, entry.cardId());
                    insert.setString(++p, entry.phoneHash());
                }
                insert.execute();
                return null;
            } catch (SQLException failed) {
                try (Statement rollback = connection.createStatement()) {
                    rollback.execute("ROLLBACK");
                } catch (SQLException again) {
                    failed.addSuppressed(again);
                }
                throw failed;
            }
        });
    }

    /** Entries matching every filter given, newest first. */
    List<AuditEntry> find(
            @Nullable String caller,
            @Nullable String cardId,
            @Nullable String phoneHash,
            @Nullable Instant since,
            int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT at, caller, lookup, card_id, phone_hash FROM lookup_audit WHERE true");
        List<Object> params = new ArrayList<>();
        filter(sql, params, " AND caller = ?", caller);
        filter(sql, params, " AND card_id = ?", cardId);
        filter(sql, params, " AND phone_hash = ?", phoneHash);
        filter(sql, params, " AND at >= ?", since == null ? null : Timestamp.from(since));
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(LookupAuditRepository::entry)
                .list();
    }

    /** Deletes the entries older than {@code before}; answers how many. */
    int purge(Instant before) {
        Integer deleted = transactions.execute(status -> {
            jdbc.sql("SET TRANSACTION READ WRITE").update();
            return jdbc.sql("DELETE FROM lookup_audit WHERE at < ?")
                    .param(Timestamp.from(before))
                    .update();
        });
        return deleted == null ? 0 : deleted;
    }

    private static void filter(StringBuilder sql, List<Object> params, String clause, @Nullable Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static AuditEntry entry(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEntry(
                rs.getObject(1, OffsetDateTime.class).toInstant(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5));
    }
}
