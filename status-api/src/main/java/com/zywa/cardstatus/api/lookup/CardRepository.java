package com.zywa.cardstatus.api.lookup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Point reads of the projection by card ID and by phone (newest status first), a phone being found by its data key
 * ({@code phone_key_id}, V11): the phone column holds it sealed. The phones are read as stored; the lookup opens them. Each is one statement in
 * auto-commit on the read-only pool: no transaction around it, so one round trip to PostgreSQL per read. A plain
 * component, not a {@code @Repository}: JdbcClient already throws Spring's DataAccessExceptions, so the exception
 * translating proxy around every call would buy nothing. Columns are read by position, in the order selected.
 */
@Component
class CardRepository {

    private static final String COLUMNS =
            "card_id, status, status_at, phone, comment, reason, raw_reason, responsible, "
                    + "action_required, delivery_exceptions, attempts, partner, as_of, stalled_since, history::text AS history";
    private static final String BY_CARD = "SELECT " + COLUMNS + " FROM card_status WHERE card_id = ?";
    private static final String BY_PHONE_KEY =
            "SELECT " + COLUMNS + " FROM card_status WHERE phone_key_id = ? ORDER BY status_at DESC, card_id LIMIT 100";

    private final JdbcClient jdbc;

    CardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CardRow> findByCardId(String cardId) {
        return jdbc.sql(BY_CARD).param(cardId).query(CardRepository::row).optional();
    }

    /** The cards whose phone is sealed under the data key {@code keyId} (one phone), newest status first. */
    List<CardRow> findByPhoneKey(UUID keyId) {
        return jdbc.sql(BY_PHONE_KEY).param(keyId).query(CardRepository::row).list();
    }

    private static CardRow row(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime asOf = rs.getObject(13, OffsetDateTime.class);
        OffsetDateTime stalledSince = rs.getObject(14, OffsetDateTime.class);
        return new CardRow(
                rs.getString(1),
                rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getInt(10),
                rs.getObject(11, Integer.class),
                rs.getString(12),
                asOf == null ? null : asOf.toInstant(),
                stalledSince == null ? null : stalledSince.toInstant(),
                rs.getString(15));
    }
}
