package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.CardStatusCodec;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Upserts card statuses into {@code card_status} (or a generation being rebuilt) with a version guard: a row is only replaced by a strictly
 * newer version, so redeliveries, replays and restarts can never move a card backwards. One statement over arrays
 * per batch: atomic, and its update count tells how many rows the guard skipped.
 */
@Repository
class StatusProjectionRepository {

    // the histories come as one JSON array of history arrays, split by json_array_elements: unlike a text array
    // element, JSON needs no second escaping of every quote in it
    private static final String UPSERT = """
            INSERT INTO %1$s (card_id, status, status_at, phone, comment, reason, raw_reason, responsible,
                                     action_required, delivery_exceptions, attempts, partner, version, as_of,
                                     stalled_since, history, phone_key_id, updated_at)
            SELECT card_id, status, status_at, phone, comment, reason, raw_reason, responsible, action_required,
                   delivery_exceptions, attempts, partner, version, as_of, stalled_since, history, phone_key_id, %2$s
            FROM ROWS FROM (unnest(CAST(? AS TEXT[])), unnest(CAST(? AS TEXT[])), unnest(CAST(? AS TIMESTAMPTZ[])),
                            unnest(CAST(? AS TEXT[])), unnest(CAST(? AS TEXT[])), unnest(CAST(? AS TEXT[])),
                            unnest(CAST(? AS TEXT[])), unnest(CAST(? AS TEXT[])), unnest(CAST(? AS TEXT[])),
                            unnest(CAST(? AS INTEGER[])), unnest(CAST(? AS INTEGER[])), unnest(CAST(? AS TEXT[])),
                            unnest(CAST(? AS BIGINT[])), unnest(CAST(? AS TIMESTAMPTZ[])),
                            unnest(CAST(? AS TIMESTAMPTZ[])), json_array_elements(CAST(? AS JSON)),
                            unnest(CAST(? AS UUID[])))
                AS row (card_id, status, status_at, phone, comment, reason, raw_reason, responsible, action_required,
                        delivery_exceptions, attempts, partner, version, as_of, stalled_since, history, phone_key_id)
            ON CONFLICT (card_id) DO UPDATE SET
                status = EXCLUDED.status, status_at = EXCLUDED.status_at, phone = EXCLUDED.phone,
                comment = EXCLUDED.comment, reason = EXCLUDED.reason, raw_reason = EXCLUDED.raw_reason,
                responsible = EXCLUDED.responsible, action_required = EXCLUDED.action_required,
                delivery_exceptions = EXCLUDED.delivery_exceptions, attempts = EXCLUDED.attempts,
                partner = EXCLUDED.partner, version = EXCLUDED.version, as_of = EXCLUDED.as_of,
                stalled_since = EXCLUDED.stalled_since, history = EXCLUDED.history,
                phone_key_id = EXCLUDED.phone_key_id, updated_at = EXCLUDED.updated_at
            WHERE %1$s.version < EXCLUDED.version
            """;

    /**
     * When a generation being built got a card's status: the time the current generation has for the same version
     * (the card did not change, so its last change is when it changed then, which the work queue sorts and filters
     * by), else now.
     */
    private static final String KEPT_UPDATED_AT =
            "COALESCE((SELECT c.updated_at FROM card_status c WHERE c.card_id = row.card_id AND c.version = row.version),"
                    + " now())";

    /** The projection as readers see it: a view on the current generation (contract §10, V7). */
    static final String VIEW = "card_status";

    private final JdbcTemplate jdbc;
    private final PhoneVault vault;

    StatusProjectionRepository(JdbcTemplate jdbc, @Lazy PhoneVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /**
     * Writes the given statuses (at most one per card) in one statement, all or none; returns how many rows it
     * inserted or replaced, the others being skipped by the version guard.
     */
    int upsert(List<CardStatus> statuses) {
        return upsert(VIEW, statuses);
    }

    /**
     * As {@link #upsert(List)}, into {@code table}: the view, or a generation being built. Phones in clear (records
     * from before phones were sealed) are sealed first, all of the batch's at once; a vault that cannot answer (its
     * keys' database down) fails the batch as the database would.
     */
    int upsert(String table, List<CardStatus> statuses) {
        if (statuses.isEmpty()) {
            return 0;
        }
        List<CardStatus> sealed = sealed(statuses);
        String sql = UPSERT.formatted(table, table.equals(VIEW) ? "now()" : KEPT_UPDATED_AT);
        return jdbc.update(connection -> statement(connection, sql, sealed));
    }

    /** {@code statuses} with every phone sealed: those in clear sealed in one call to the vault. */
    private List<CardStatus> sealed(List<CardStatus> statuses) {
        Set<String> clear = new HashSet<>();
        for (CardStatus status : statuses) {
            if (status.phone() != null && SealedPhones.keyId(status.phone()) == null) {
                clear.add(status.phone());
            }
        }
        if (clear.isEmpty()) {
            return statuses;
        }
        Map<String, String> sealed = vault.seal(clear);
        return statuses.stream()
                .map(status -> clear.contains(status.phone()) ? withPhone(status, sealed.get(status.phone())) : status)
                .toList();
    }

    private static CardStatus withPhone(CardStatus status, String phone) {
        return new CardStatus(
                status.cardId(),
                status.status(),
                status.statusAt(),
                phone,
                status.comment(),
                status.reason(),
                status.rawReason(),
                status.responsible(),
                status.actionRequired(),
                status.deliveryExceptions(),
                status.attempts(),
                status.partner(),
                status.version(),
                status.asOf(),
                status.stalledSince(),
                status.history());
    }

    private static PreparedStatement statement(Connection connection, String sql, List<CardStatus> statuses)
            throws SQLException {
        int n = statuses.size();
        Object[][] texts = new Object[12][n];
        int[] deliveryExceptions = new int[n];
        Integer[] attempts = new Integer[n];
        long[] versions = new long[n];
        UUID[] phoneKeys = new UUID[n];
        for (int i = 0; i < n; i++) {
            CardStatus status = statuses.get(i);
            texts[0][i] = status.cardId();
            texts[1][i] = status.status().name();
            texts[2][i] = status.statusAt().toString();
            texts[3][i] = status.phone();
            texts[4][i] = status.comment();
            texts[5][i] = name(status.reason());
            texts[6][i] = status.rawReason();
            texts[7][i] = name(status.responsible());
            texts[8][i] = name(status.actionRequired());
            texts[9][i] = status.partner();
            texts[10][i] = status.asOf() == null ? null : status.asOf().toString();
            texts[11][i] =
                    status.stalledSince() == null ? null : status.stalledSince().toString();
            deliveryExceptions[i] = status.deliveryExceptions();
            attempts[i] = status.attempts();
            versions[i] = status.version();
            phoneKeys[i] = SealedPhones.keyId(status.phone());
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        int[] textColumns = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 15};
        for (int c = 0; c < textColumns.length; c++) {
            statement.setArray(textColumns[c], connection.createArrayOf("text", texts[c]));
        }
        statement.setObject(10, deliveryExceptions);
        statement.setArray(11, connection.createArrayOf("integer", attempts));
        statement.setObject(13, versions);
        statement.setString(16, CardStatusCodec.histories(statuses));
        statement.setArray(17, connection.createArrayOf("uuid", phoneKeys));
        return statement;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
