package com.zywa.cardstatus.api.quarantine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The quarantined events of {@code card_quarantine} (the processor's V8, written from {@code card.quarantine}), one row
 * per event, the cards whose quarantine changed longest ago first; served by the partial index on cards with events.
 */
@Component
class QuarantineRepository {

    private static final String QUERY = """
            SELECT q.card_id, e->>'event_id', q.owner, e->'source'->>'partner', e->>'status', e->>'at', e->>'comment',
                   e->>'partner_event_id', e->>'raw_reason', e->'source'->>'caller', q.as_of
            FROM card_quarantine q CROSS JOIN LATERAL jsonb_array_elements(q.events) AS e
            WHERE q.events <> '[]'::jsonb
            ORDER BY q.as_of, q.card_id
            LIMIT ?
            """;

    private final JdbcClient jdbc;

    QuarantineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QuarantinedEvent> oldestFirst(int limit) {
        return jdbc.sql(QUERY).param(limit).query(QuarantineRepository::row).list();
    }

    private static QuarantinedEvent row(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime asOf = rs.getObject(11, OffsetDateTime.class);
        return new QuarantinedEvent(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                Instant.parse(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                asOf == null ? null : asOf.toInstant());
    }
}
