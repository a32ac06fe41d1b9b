package com.zywa.cardstatus.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

    LookupAuditRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void record(List<AuditEntry> entries) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET TRANSACTION READ WRITE").update();
            for (AuditEntry entry : entries) {
                jdbc.sql("INSERT INTO lookup_audit (at, caller, lookup, card_id, phone_hash) VALUES (?, ?, ?, ?, ?)")
                        .params(
                                Timestamp.from(entry.at()),
                                entry.caller(),
                                entry.lookup(),
                                entry.cardId(),
                                entry.phoneHash())
                        .update();
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
