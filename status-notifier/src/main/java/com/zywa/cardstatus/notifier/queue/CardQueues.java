package com.zywa.cardstatus.notifier.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The order of each card's webhooks for a subscription: its pending deliveries form a queue whose oldest one is its
 * head, the only one that may be attempted. Whoever adds deliveries to a queue, completes its head or makes old ones
 * pending again first {@link #lock}s the queue, then changes the deliveries, then {@link #promoteHeads}, all in one
 * transaction: so a queue always has exactly one head while it has pending deliveries, whatever runs at once.
 */
@Component
public class CardQueues {

    private static final String LOCK = "INSERT INTO card_queue (subscription_id, card_id) "
            + "SELECT * FROM unnest(?::uuid[], ?::text[]) "
            + "ON CONFLICT (subscription_id, card_id) DO UPDATE SET card_id = EXCLUDED.card_id";
    private static final String PROMOTE = "UPDATE delivery d SET head = (d.id = m.first) "
            + "FROM (SELECT subscription_id, card_id, min(id) AS first FROM delivery WHERE delivered_at IS NULL "
            + "AND (subscription_id, card_id) IN (SELECT * FROM unnest(?::uuid[], ?::text[])) "
            + "GROUP BY subscription_id, card_id) m "
            + "WHERE d.subscription_id = m.subscription_id AND d.card_id = m.card_id AND d.delivered_at IS NULL "
            + "AND d.head <> (d.id = m.first)";

    private final JdbcTemplate jdbc;

    CardQueues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One card's queue of webhooks for one subscription. */
    public record Key(UUID subscriptionId, String cardId) {

        static final Comparator<Key> ORDER =
                Comparator.comparing(Key::subscriptionId).thenComparing(Key::cardId);
    }

    /**
     * Locks the queues until the transaction ends, creating those that do not exist yet, in one order (so two
     * callers locking several never wait for each other in a circle).
     */
    public void lock(Collection<Key> keys) {
        run(LOCK, keys);
    }

    /** Makes the oldest pending delivery of each queue its head, and no other. */
    public void promoteHeads(Collection<Key> keys) {
        run(PROMOTE, keys);
    }

    private void run(String sql, Collection<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<Key> sorted = keys.stream().distinct().sorted(Key.ORDER).toList();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setArray(
                    1,
                    array(
                            connection,
                            "uuid",
                            sorted.stream().map(Key::subscriptionId).toArray()));
            statement.setArray(
                    2,
                    array(connection, "text", sorted.stream().map(Key::cardId).toArray()));
            return statement;
        });
    }

    private static java.sql.Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
