package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Upserts card statuses into {@code card_status} with a version guard: a row is only replaced by a strictly
 * newer version, so redeliveries, replays and restarts can never move a card backwards. One statement over arrays
 * per batch: atomic, and its update count tells how many rows the guard skipped.
 */
@Repository
class StatusProjectionRepository {

    private static final String UPSERT = """
            INSERT INTO card_status (card_id, status, status_at, phone, comment, delivery_exceptions, version,
                                     history, updated_at)
            SELECT card_id, status, status_at, phone, comment, delivery_exceptions, version, CAST(history AS JSON), now()
            FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TIMESTAMPTZ[]), CAST(? AS TEXT[]),
                        CAST(? AS TEXT[]), CAST(? AS INTEGER[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]))
                AS row (card_id, status, status_at, phone, comment, delivery_exceptions, version, history)
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

    /**
     * Writes the given statuses (at most one per card) in one statement, all or none; returns how many rows it
     * inserted or replaced, the others being skipped by the version guard.
     */
    int upsert(List<CardStatus> statuses) {
        if (statuses.isEmpty()) {
            return 0;
        }
        return jdbc.update(connection -> statement(connection, statuses));
    }

    private static PreparedStatement statement(Connection connection, List<CardStatus> statuses) throws SQLException {
        int n = statuses.size();
        Object[][] columns = new Object[8][n];
        for (int i = 0; i < n; i++) {
            CardStatus status = statuses.get(i);
            columns[0][i] = status.cardId();
            columns[1][i] = status.status().name();
            columns[2][i] = status.statusAt().toString();
            columns[3][i] = status.phone();
            columns[4][i] = status.comment();
            columns[5][i] = status.deliveryExceptions();
            columns[6][i] = status.version();
            columns[7][i] = Json.MAPPER.writeValueAsString(status.history());
        }
        String[] types = {"text", "text", "text", "text", "text", "int4", "int8", "text"};
        PreparedStatement statement = connection.prepareStatement(UPSERT);
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
        }
        return statement;
    }
}
