package com.zywa.cardstatus.api.lookup;

import com.zywa.cardstatus.support.personaldata.StoredKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Point reads of the projection by card ID and by phone (newest status first). The phone column holds the phone
 * sealed (contract §12); each read joins the phone's data key ({@code ingest.phone_key}, by {@code phone_key_id}, V11),
 * so the lookup opens the phone without asking the key store again, and a phone is found by its keyed hash in the same
 * statement that reads its cards. An erased key joins nothing: its cards answer without a phone and its hash finds
 * none. Each read is one statement in auto-commit on the read-only pool: one round trip to PostgreSQL. A plain
 * component, not a {@code @Repository}: JdbcClient already throws Spring's DataAccessExceptions, so the exception
 * translating proxy around every call would buy nothing. Columns are read by position, in the order selected.
 */
@Component
class CardRepository {

    private static final String COLUMNS =
            "c.card_id, c.status, c.status_at, c.phone, c.comment, c.reason, c.raw_reason,"
                    + " c.responsible, c.action_required, c.delivery_exceptions, c.attempts, c.partner, c.as_of,"
                    + " c.stalled_since, c.history::text AS history, k.key_id, k.phone_hash, k.wrapped";
    private static final String BY_CARD = "SELECT " + COLUMNS
            + " FROM card_status c LEFT JOIN ingest.phone_key k ON k.key_id = c.phone_key_id WHERE c.card_id = ?";
    private static final String BY_PHONE_HASH = "SELECT " + COLUMNS
            + " FROM ingest.phone_key k JOIN card_status c ON c.phone_key_id = k.key_id WHERE k.phone_hash = ?"
            + " ORDER BY c.status_at DESC, c.card_id LIMIT 100";

    private final JdbcClient jdbc;

    CardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CardRow> findByCardId(String cardId) {
        return jdbc.sql(BY_CARD).param(cardId).query(CardRepository::row).optional();
    }

    /**
     * The cards of the phone whose keyed hash is {@code phoneHash} (their phone sealed under its data key), newest
     * status first; none when the phone has no key (never seen, or erased).
     */
    List<CardRow> findByPhoneHash(String phoneHash) {
        return jdbc.sql(BY_PHONE_HASH)
                .param(phoneHash)
                .query(CardRepository::row)
                .list();
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
                rs.getString(15),
                key(rs));
    }

    private static @Nullable StoredKey key(ResultSet rs) throws SQLException {
        UUID keyId = rs.getObject(16, UUID.class);
        return keyId == null ? null : new StoredKey(keyId, rs.getString(17), rs.getBytes(18));
    }
}
