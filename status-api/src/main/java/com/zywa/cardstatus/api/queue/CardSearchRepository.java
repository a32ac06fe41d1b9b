package com.zywa.cardstatus.api.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The work-queue search over {@code card_status} (contract §13): one statement per page, filters as bound parameters,
 * ordered by (updated_at, card_id) and started after the cursor's keyset, so each page is a range read of one of V6's
 * ordered indexes. Every page after the first reads the list as the first page's snapshot saw it: a card changed since
 * (by a transaction that snapshot does not see, per {@code card_move}, V10) keeps the place it had then and comes with
 * its state now, so each card is listed once however the others change meanwhile.
 */
@Component
class CardSearchRepository {

    private static final String COLUMNS = "c.card_id, c.status, c.status_at, c.phone, c.partner, c.reason,"
            + " c.raw_reason, c.responsible, c.action_required, c.attempts, c.stalled_since, c.as_of, c.updated_at";

    // a move of the card that the cursor's snapshot does not see (xids below its xmin are all visible)
    private static final String UNSEEN_MOVE = "%1$s.txid >= pg_snapshot_xmin(CAST(:snapshot AS pg_snapshot))"
            + " AND NOT pg_visible_in_snapshot(%1$s.txid, CAST(:snapshot AS pg_snapshot))";

    private final JdbcClient jdbc;

    CardSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of cards and the cursor after it (null when the page is not full: it was the last). */
    record Found(List<QueuedCard> cards, @Nullable QueueCursor next) {}

    /**
     * Up to {@code query.limit()} cards, in order of last change as of the cursor's snapshot (the first page: now).
     * Throws {@link CursorExpiredException} when the projection was rebuilt since the cursor's first page.
     */
    Found page(CardQuery query) {
        QueueCursor cursor = query.cursor();
        Map<String, Object> params = new HashMap<>();
        params.put("limit", query.limit());
        String sql;
        if (cursor == null) {
            sql = "SELECT " + COLUMNS + ", c.updated_at AS place, CAST(pg_current_snapshot() AS TEXT) AS snapshot,"
                    + " now() AS opened FROM card_status c WHERE TRUE" + filters(query, "c.updated_at", params)
                    + " ORDER BY c.updated_at, c.card_id LIMIT :limit";
        } else {
            params.put("snapshot", cursor.snapshot());
            params.put("after_place", time(cursor.place()));
            params.put("after_card", cursor.cardId());
            // unchanged since the snapshot: in place; changed since: at the place its first unseen move left
            sql = "WITH unmoved AS (SELECT " + COLUMNS + ", c.updated_at AS place FROM card_status c"
                    + " WHERE (c.updated_at, c.card_id) > (:after_place, :after_card)"
                    + filters(query, "c.updated_at", params)
                    + " AND NOT EXISTS (SELECT 1 FROM card_move e WHERE e.card_id = c.card_id AND "
                    + UNSEEN_MOVE.formatted("e") + ")"
                    + " ORDER BY c.updated_at, c.card_id LIMIT :limit),"
                    + " moved AS (SELECT " + COLUMNS + ", m.was_updated_at AS place"
                    + " FROM card_move m JOIN card_status c ON c.card_id = m.card_id"
                    + " WHERE (m.was_updated_at, m.card_id) > (:after_place, :after_card) AND "
                    + UNSEEN_MOVE.formatted("m")
                    + " AND NOT EXISTS (SELECT 1 FROM card_move e WHERE e.card_id = m.card_id AND e.id < m.id AND "
                    + UNSEEN_MOVE.formatted("e") + ")"
                    + filters(query, "m.was_updated_at", params)
                    + " ORDER BY m.was_updated_at, m.card_id LIMIT :limit)"
                    + " SELECT *, CAST(:snapshot AS TEXT) AS snapshot, CAST(NULL AS TIMESTAMPTZ) AS opened"
                    + " FROM (SELECT * FROM unmoved UNION ALL SELECT * FROM moved) page"
                    + " ORDER BY place, card_id LIMIT :limit";
        }
        List<Placed> rows =
                jdbc.sql(sql).params(params).query(CardSearchRepository::row).list();
        if (cursor != null && rebuiltSince(cursor.openedAt())) {
            throw new CursorExpiredException("the projection was rebuilt since the first page; start again");
        }
        List<QueuedCard> cards = rows.stream().map(Placed::card).toList();
        if (rows.size() < query.limit()) {
            return new Found(cards, null);
        }
        Placed last = rows.get(rows.size() - 1);
        QueueCursor next = cursor == null
                ? new QueueCursor(
                        last.snapshot(),
                        last.opened(),
                        last.place(),
                        last.card().cardId())
                : new QueueCursor(
                        cursor.snapshot(),
                        cursor.openedAt(),
                        last.place(),
                        last.card().cardId());
        return new Found(cards, next);
    }

    // a rebuild's switch moves cards without recording it: a cursor older than the switch cannot be kept exact
    private boolean rebuiltSince(Instant openedAt) {
        return jdbc.sql("SELECT switched_at > :opened FROM projection_generation WHERE state = 'current'")
                .param("opened", time(openedAt))
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private static String filters(CardQuery query, String place, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
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
            sql.append(query.stalled() ? " AND c.stalled_since IS NOT NULL" : " AND c.stalled_since IS NULL");
        }
        if (query.updatedSince() != null) {
            sql.append(" AND ").append(place).append(" >= :updated_since");
            params.put("updated_since", time(query.updatedSince()));
        }
        if (query.updatedBefore() != null) {
            sql.append(" AND ").append(place).append(" < :updated_before");
            params.put("updated_before", time(query.updatedBefore()));
        }
        return sql.toString();
    }

    private static void in(StringBuilder sql, Map<String, Object> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND c.").append(column).append(" IN (:").append(column).append(")");
            params.put(column, values);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A card, the place it is listed at, and (first page) the snapshot and time the paging reads as of. */
    private record Placed(
            QueuedCard card,
            Instant place,
            String snapshot,
            @Nullable Instant opened) {}

    private static Placed row(ResultSet rs, int rowNum) throws SQLException {
        // the phone as stored (sealed): the controller opens and masks it
        QueuedCard card = new QueuedCard(
                rs.getString("card_id"),
                rs.getString("status"),
                rs.getObject("status_at", OffsetDateTime.class).toInstant(),
                rs.getString("phone"),
                rs.getString("partner"),
                rs.getString("reason"),
                rs.getString("raw_reason"),
                rs.getString("responsible"),
                rs.getString("action_required"),
                rs.getObject("attempts", Integer.class),
                instant(rs.getObject("stalled_since", OffsetDateTime.class)),
                instant(rs.getObject("as_of", OffsetDateTime.class)),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
        return new Placed(
                card,
                rs.getObject("place", OffsetDateTime.class).toInstant(),
                rs.getString("snapshot"),
                instant(rs.getObject("opened", OffsetDateTime.class)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
