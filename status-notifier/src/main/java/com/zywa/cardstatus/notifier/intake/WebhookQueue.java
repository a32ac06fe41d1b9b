package com.zywa.cardstatus.notifier.intake;

import static com.zywa.cardstatus.notifier.Timestamps.at;

import com.zywa.cardstatus.notifier.queue.CardQueues;
import com.zywa.cardstatus.notifier.webhook.Webhook;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Enqueues the webhooks owed for a batch of changes: each one whose content hash differs from the last one enqueued
 * for its subscription, card and kind becomes a pending delivery at the end of its card's queue ({@link CardQueues}),
 * and that hash is remembered. The caller runs it in
 * one database transaction and commits the batch's Kafka offsets after it, so a batch read again (after a crash, a
 * rebalance or a replay) finds its hashes and enqueues nothing twice; the delivery's unique webhook-id holds even
 * against two instances writing the same batch at once.
 */
@Component
class WebhookQueue {

    private static final String LAST_HASHES = "SELECT subscription_id, card_id, event_type, content_hash "
            + "FROM last_enqueued WHERE (subscription_id, card_id, event_type) IN "
            + "(SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[]))";
    private static final String INSERT_DELIVERY = "INSERT INTO delivery (subscription_id, card_id, webhook_id, "
            + "event_type, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String REMEMBER_HASH = "INSERT INTO last_enqueued (subscription_id, card_id, event_type, "
            + "content_hash) VALUES (?, ?, ?, ?) ON CONFLICT (subscription_id, card_id, event_type) "
            + "DO UPDATE SET content_hash = EXCLUDED.content_hash";

    private final JdbcTemplate jdbc;
    private final CardQueues cardQueues;
    private final Clock clock;

    WebhookQueue(JdbcTemplate jdbc, CardQueues cardQueues, Clock clock) {
        this.jdbc = jdbc;
        this.cardQueues = cardQueues;
        this.clock = clock;
    }

    /** The key of a card's stream of webhooks of one kind for one subscription. */
    record Stream(UUID subscriptionId, String cardId, String type) {

        static Stream of(Webhook webhook) {
            return new Stream(
                    webhook.subscriptionId(), webhook.cardId(), webhook.kind().type());
        }
    }

    /** Enqueues those of {@code owed} (in record order) that are news; how many that was. */
    int enqueue(List<Webhook> owed) {
        if (owed.isEmpty()) {
            return 0;
        }
        List<Webhook> news = news(owed, lastHashes(owed));
        if (news.isEmpty()) {
            return 0;
        }
        Map<Stream, byte[]> changed = new LinkedHashMap<>();
        news.forEach(webhook -> changed.put(Stream.of(webhook), webhook.contentHash()));
        List<CardQueues.Key> queues = news.stream()
                .map(webhook -> new CardQueues.Key(webhook.subscriptionId(), webhook.cardId()))
                .toList();
        cardQueues.lock(queues);
        Instant now = clock.instant();
        jdbc.batchUpdate(INSERT_DELIVERY, news, 500, (statement, webhook) -> {
            statement.setObject(1, webhook.subscriptionId());
            statement.setString(2, webhook.cardId());
            statement.setString(3, webhook.webhookId());
            statement.setString(4, webhook.kind().type());
            statement.setString(5, webhook.body());
            statement.setObject(6, at(now));
            statement.setObject(7, at(now));
        });
        cardQueues.promoteHeads(queues);
        jdbc.batchUpdate(REMEMBER_HASH, List.copyOf(changed.entrySet()), 500, (statement, entry) -> {
            statement.setObject(1, entry.getKey().subscriptionId());
            statement.setString(2, entry.getKey().cardId());
            statement.setString(3, entry.getKey().type());
            statement.setBytes(4, entry.getValue());
        });
        return news.size();
    }

    /**
     * Those of {@code owed} (in record order) whose content differs from the one before them in their stream: the
     * last one enqueued ({@code last}, updated as it goes), or the one before in the batch.
     */
    static List<Webhook> news(List<Webhook> owed, Map<Stream, byte[]> last) {
        List<Webhook> news = new ArrayList<>();
        for (Webhook webhook : owed) {
            byte[] previous = last.put(Stream.of(webhook), webhook.contentHash());
            if (!Arrays.equals(previous, webhook.contentHash())) {
                news.add(webhook);
            }
        }
        return news;
    }

    private Map<Stream, byte[]> lastHashes(List<Webhook> owed) {
        List<Stream> streams = owed.stream().map(Stream::of).distinct().toList();
        Map<Stream, byte[]> hashes = new HashMap<>();
        jdbc.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement(LAST_HASHES);
                    select.setArray(
                            1, array(connection, "uuid", streams.stream().map(Stream::subscriptionId)));
                    select.setArray(
                            2, array(connection, "text", streams.stream().map(Stream::cardId)));
                    select.setArray(
                            3, array(connection, "text", streams.stream().map(Stream::type)));
                    return select;
                },
                (ResultSet row) -> {
                    hashes.put(
                            new Stream(row.getObject(1, UUID.class), row.getString(2), row.getString(3)),
                            row.getBytes(4));
                });
        return hashes;
    }

    private static Array array(java.sql.Connection connection, String type, java.util.stream.Stream<?> values)
            throws java.sql.SQLException {
        return connection.createArrayOf(type, values.toArray());
    }
}
