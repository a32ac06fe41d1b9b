package com.zywa.cardstatus.api.queue;

import com.zywa.cardstatus.contract.Phone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The work-queue search over {@code card_status}: one statement per page, filters as bound parameters, ordered by
 * (updated_at, card_id) and started after the cursor's keyset, so each page is a range read of one of V6's ordered
 * indexes and a card that does not change is listed exactly once however the others change meanwhile.
 */
@Component
class CardSearchRepository {

    private static final String COLUMNS = "card_id, status, status_at, phone, partner, reason, raw_reason, responsible,"
            + " action_required, attempts, stalled_since, as_of, updated_at";

    private final JdbcClient jdbc;

    CardSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code query.limit()} cards, in order of last change. */
    List<QueuedCard> page(CardQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM card_status WHERE TRUE");
        List<Object> params = new ArrayList<>();
        in(sql, params, "status", query.statuses().stream().map(Enum::name).toList());
        in(sql, params, "partner", query.partners());
        in(sql, params, "reason", query.reasons().stream().map(Enum::name).toList());
        in(
                sql,
                params,
                "action_required",
                query.actions().stream().map(Enum::name).toList());
        in(
                sql,
                params,
                "responsible",
                query.responsible().stream().map(Enum::name).toList());
        if (query.stalled() != null) {
            sql.append(query.stalled() ? " AND stalled_since IS NOT NULL" : " AND stalled_since IS NULL");
        }
        if (query.updatedSince() != null) {
            sql.append(" AND updated_at >= ?");
            params.add(time(query.updatedSince()));
        }
        if (query.updatedBefore() != null) {
            sql.append(" AND updated_at < ?");
            params.add(time(query.updatedBefore()));
        }
        QueueCursor cursor = query.cursor();
        if (cursor != null) {
            sql.append(" AND (updated_at, card_id) > (?, ?)");
            params.add(time(cursor.changedAt()));
            params.add(cursor.cardId());
        }
        sql.append(" ORDER BY updated_at, card_id LIMIT ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString())
                .params(params)
                .query(CardSearchRepository::row)
                .list();
    }

    private static void in(StringBuilder sql, List<Object> params, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column);
        sql.append(
                values.size() == 1
                        ? " = ?"
                        : " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
        params.addAll(values);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static QueuedCard row(ResultSet rs, int rowNum) throws SQLException {
        String phone = rs.getString(4);
        return new QueuedCard(
                rs.getString(1),
                rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                phone == null ? null : Phone.mask(phone),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getObject(10, Integer.class),
                instant(rs.getObject(11, OffsetDateTime.class)),
                instant(rs.getObject(12, OffsetDateTime.class)),
                rs.getObject(13, OffsetDateTime.class).toInstant());
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
