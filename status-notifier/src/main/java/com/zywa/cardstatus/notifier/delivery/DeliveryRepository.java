package com.zywa.cardstatus.notifier.delivery;

import static com.zywa.cardstatus.notifier.Timestamps.at;
import static com.zywa.cardstatus.notifier.Timestamps.read;

import com.zywa.cardstatus.notifier.queue.CardQueues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries and attempts in PostgreSQL. {@link #claim} hands out only heads of their cards' queues
 * ({@link CardQueues}), soonest due first, so a card's webhooks go out in order, one at a time, and skips rows another
 * instance is claiming; a claim leases the row until its attempt's outcome is recorded or the lease ends. Completing
 * a head, or making delivered webhooks pending again, hands each queue's head on under the queue's lock.
 */
@Component
class DeliveryRepository {

    private static final String CLAIM = "UPDATE delivery SET next_attempt_at = ? WHERE id IN ("
            + "SELECT id FROM delivery WHERE subscription_id = ? AND head AND delivered_at IS NULL "
            + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) "
            + "RETURNING id, subscription_id, card_id, webhook_id, body, attempts, failing_since";
    private static final String RECORD_ATTEMPT = "INSERT INTO attempt (subscription_id, delivery_id, webhook_id, "
            + "attempted_at, status_code, latency_ms, error, response_excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final CardQueues queues;

    DeliveryRepository(JdbcClient jdbc, CardQueues queues) {
        this.jdbc = jdbc;
        this.queues = queues;
    }

    /** Up to {@code limit} due heads of their cards' queues, leased until {@code leaseUntil}. */
    List<PendingDelivery> claim(UUID subscriptionId, int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql(CLAIM)
                .params(at(leaseUntil), subscriptionId, at(now), limit)
                .query(DeliveryRepository::pending)
                .list();
    }

    @Transactional
    void delivered(PendingDelivery delivery, Instant at, AttemptResult result) {
        List<CardQueues.Key> queue = List.of(new CardQueues.Key(delivery.subscriptionId(), delivery.cardId()));
        queues.lock(queue);
        jdbc.sql("UPDATE delivery SET delivered_at = ?, attempts = attempts + 1, failing_since = NULL, head = false "
                        + "WHERE id = ?")
                .params(at(at), delivery.id())
                .update();
        queues.promoteHeads(queue);
        recordAttempt(delivery.subscriptionId(), delivery.id(), delivery.webhookId(), at, result);
    }

    @Transactional
    void failed(PendingDelivery delivery, Instant at, AttemptResult result, Instant failingSince, Instant next) {
        jdbc.sql("UPDATE delivery SET attempts = attempts + 1, failing_since = ?, next_attempt_at = ? "
                        + "WHERE id = ? AND delivered_at IS NULL")
                .params(at(failingSince), at(next), delivery.id())
                .update();
        recordAttempt(delivery.subscriptionId(), delivery.id(), delivery.webhookId(), at, result);
    }

    void recordAttempt(
            UUID subscriptionId, @Nullable Long deliveryId, String webhookId, Instant at, AttemptResult result) {
        jdbc.sql(RECORD_ATTEMPT)
                .params(
                        subscriptionId,
                        deliveryId,
                        webhookId,
                        at(at),
                        result.statusCode(),
                        result.latencyMs(),
                        result.error(),
                        result.responseExcerpt())
                .update();
    }

    /** Every pending delivery of the subscription due at once, its failure streak forgotten (a resume). */
    int retryNow(UUID subscriptionId, Instant now) {
        return jdbc.sql("UPDATE delivery SET next_attempt_at = ?, failing_since = NULL "
                        + "WHERE subscription_id = ? AND delivered_at IS NULL")
                .params(at(now), subscriptionId)
                .update();
    }

    /**
     * The delivered webhooks enqueued in [from, to) pending again, with their own ids and bodies; each card's queue
     * then starts with the oldest of them.
     */
    @Transactional
    int redeliver(UUID subscriptionId, Instant from, Instant to, Instant now) {
        List<CardQueues.Key> cards = jdbc.sql("SELECT DISTINCT card_id FROM delivery WHERE subscription_id = ? "
                        + "AND created_at >= ? AND created_at < ? AND delivered_at IS NOT NULL")
                .params(subscriptionId, at(from), at(to))
                .query((row, n) -> new CardQueues.Key(subscriptionId, row.getString(1)))
                .list();
        queues.lock(cards);
        int again = jdbc.sql("UPDATE delivery SET delivered_at = NULL, failing_since = NULL, next_attempt_at = ? "
                        + "WHERE subscription_id = ? AND created_at >= ? AND created_at < ? "
                        + "AND delivered_at IS NOT NULL AND card_id = ANY (?)")
                .params(
                        at(now),
                        subscriptionId,
                        at(from),
                        at(to),
                        cards.stream().map(CardQueues.Key::cardId).toArray(String[]::new))
                .update();
        queues.promoteHeads(cards);
        return again;
    }

    Map<UUID, Backlog> backlogs() {
        Map<UUID, Backlog> backlogs = new HashMap<>();
        jdbc.sql("SELECT subscription_id, count(*) AS pending, min(created_at) AS oldest FROM delivery "
                        + "WHERE delivered_at IS NULL GROUP BY subscription_id")
                .query(row -> {
                    backlogs.put(
                            row.getObject("subscription_id", UUID.class),
                            new Backlog(row.getLong("pending"), read(row, "oldest")));
                });
        return backlogs;
    }

    List<Attempt> attempts(UUID subscriptionId, int limit) {
        return jdbc.sql("SELECT webhook_id, attempted_at, status_code, latency_ms, error, response_excerpt "
                        + "FROM attempt WHERE subscription_id = ? ORDER BY attempted_at DESC, id DESC LIMIT ?")
                .params(subscriptionId, limit)
                .query((row, n) -> new Attempt(
                        row.getString("webhook_id"),
                        Objects.requireNonNull(read(row, "attempted_at")),
                        row.getObject("status_code", Integer.class),
                        row.getLong("latency_ms"),
                        row.getString("error"),
                        row.getString("response_excerpt")))
                .list();
    }

    /** Deletes up to {@code batch} attempts and delivered webhooks older than {@code before}; how many. */
    int purge(Instant before, int batch) {
        int attempts = jdbc.sql(
                        "DELETE FROM attempt WHERE id IN (SELECT id FROM attempt WHERE attempted_at < ? " + "LIMIT ?)")
                .params(at(before), batch)
                .update();
        int deliveries = jdbc.sql("DELETE FROM delivery WHERE id IN (SELECT id FROM delivery WHERE delivered_at < ? "
                        + "LIMIT ?)")
                .params(at(before), batch)
                .update();
        return attempts + deliveries;
    }

    private static PendingDelivery pending(ResultSet row, int rowNum) throws SQLException {
        return new PendingDelivery(
                row.getLong("id"),
                row.getObject("subscription_id", UUID.class),
                row.getString("card_id"),
                row.getString("webhook_id"),
                row.getString("body"),
                row.getInt("attempts"),
                read(row, "failing_since"));
    }
}
