package com.zywa.cardstatus.api.reasons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cards of {@code card_status} whose current reason is unmapped (reason {@code OTHER} with a raw reason), grouped
 * by partner and raw reason, the most common first; served by the processor's partial index on exactly those rows.
 */
@Component
class UnmappedReasonRepository {

    private static final String QUERY = """
            SELECT partner, raw_reason, count(*) AS cards, min(card_id) AS example_card, max(as_of) AS last_seen
            FROM card_status
            WHERE reason = 'OTHER' AND raw_reason IS NOT NULL
            GROUP BY partner, raw_reason
            ORDER BY cards DESC, partner, raw_reason
            LIMIT ?
            """;

    private final JdbcClient jdbc;

    UnmappedReasonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UnmappedReason> mostCommon(int limit) {
        return jdbc.sql(QUERY).param(limit).query(UnmappedReasonRepository::row).list();
    }

    private static UnmappedReason row(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime lastSeen = rs.getObject(5, OffsetDateTime.class);
        return new UnmappedReason(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                lastSeen == null ? null : lastSeen.toInstant());
    }
}
