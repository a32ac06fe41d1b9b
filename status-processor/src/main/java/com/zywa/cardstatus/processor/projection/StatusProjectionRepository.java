package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Json;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Upserts card statuses into {@code card_status} with a version guard: a row is only replaced by a strictly
 * newer version, so redeliveries, replays and restarts can never move a card backwards.
 */
@Repository
class StatusProjectionRepository {

    private static final String UPSERT = """
            INSERT INTO card_status (card_id, status, status_at, phone, comment, delivery_exceptions, version,
                                     history, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS JSON), now())
            ON CONFLICT (card_id) DO UPDATE SET
                status = EXCLUDED.status, status_at = EXCLUDED.status_at, phone = EXCLUDED.phone,
                comment = EXCLUDED.comment, delivery_exceptions = EXCLUDED.delivery_exceptions,
                version = EXCLUDED.version, history = EXCLUDED.history, updated_at = now()
            WHERE card_status.version < EXCLUDED.version
            """;

    private final JdbcTemplate jdbc;

    StatusProjectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the given statuses (at most one per card) in one JDBC batch. */
    void upsert(Collection<CardStatus> statuses) {
        List<Object[]> rows = statuses.stream().map(StatusProjectionRepository::row).toList();
        jdbc.batchUpdate(UPSERT, rows);
    }

    private static Object[] row(CardStatus status) {
        return new Object[] {status.cardId(), status.status().name(), Timestamp.from(status.statusAt()),
            status.phone(), status.comment(), status.deliveryExceptions(), status.version(),
            Json.MAPPER.writeValueAsString(status.history())};
    }
}
