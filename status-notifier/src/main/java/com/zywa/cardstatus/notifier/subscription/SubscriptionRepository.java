package com.zywa.cardstatus.notifier.subscription;

import static com.zywa.cardstatus.notifier.Timestamps.at;
import static com.zywa.cardstatus.notifier.Timestamps.read;

import com.zywa.cardstatus.contract.Json;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The subscriptions in PostgreSQL; the filter and start offsets are JSON columns. Every change is announced to this
 * instance ({@link SubscriptionsChanged}), whose dispatcher reads them again at once.
 */
@Component
public class SubscriptionRepository {

    private static final TypeReference<Map<String, Map<Integer, Long>>> OFFSETS = new TypeReference<>() {};
    private static final String COLUMNS = "id, url, filter::text AS filter, include_phone, secret, previous_secret, "
            + "previous_secret_until, start_offsets::text AS start_offsets, created_at, created_by, paused_at, "
            + "paused_reason";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SubscriptionRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every subscription, the oldest first. */
    public List<Subscription> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription ORDER BY created_at, id")
                .query(SubscriptionRepository::subscription)
                .list();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = ?")
                .param(id)
                .query(SubscriptionRepository::subscription)
                .optional();
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM subscription")
                .query(Integer.class)
                .single();
    }

    public void insert(Subscription s) {
        jdbc.sql("INSERT INTO subscription (id, url, filter, include_phone, secret, start_offsets, created_at, "
                        + "created_by) VALUES (?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?)")
                .params(
                        s.id(),
                        s.url().toString(),
                        Json.MAPPER.writeValueAsString(s.filter()),
                        s.includePhone(),
                        s.secret(),
                        Json.MAPPER.writeValueAsString(s.startOffsets().topics()),
                        at(s.createdAt()),
                        s.createdBy())
                .update();
        events.publishEvent(new SubscriptionsChanged(s.id()));
    }

    public boolean delete(UUID id) {
        return changed(
                id, jdbc.sql("DELETE FROM subscription WHERE id = ?").param(id).update());
    }

    /** Pauses the subscription unless it is paused already; whether this call paused it. */
    public boolean pause(UUID id, Instant at, String reason) {
        return changed(
                id,
                jdbc.sql("UPDATE subscription SET paused_at = ?, paused_reason = ? WHERE id = ? AND paused_at IS NULL")
                        .params(at(at), reason, id)
                        .update());
    }

    public boolean resume(UUID id) {
        return changed(
                id,
                jdbc.sql("UPDATE subscription SET paused_at = NULL, paused_reason = NULL WHERE id = ?")
                        .param(id)
                        .update());
    }

    /** A new signing secret; the one it replaces keeps signing until {@code previousUntil}. */
    public boolean rotate(UUID id, String secret, Instant previousUntil) {
        return changed(
                id,
                jdbc.sql("UPDATE subscription SET previous_secret = secret, previous_secret_until = ?, secret = ? "
                                + "WHERE id = ?")
                        .params(at(previousUntil), secret, id)
                        .update());
    }

    /** Whether a statement changed the subscription; if it did, says so to this instance ({@link SubscriptionsChanged}). */
    private boolean changed(UUID id, int rows) {
        if (rows == 1) {
            events.publishEvent(new SubscriptionsChanged(id));
        }
        return rows == 1;
    }

    private static Subscription subscription(ResultSet row, int rowNum) throws SQLException {
        return new Subscription(
                row.getObject("id", UUID.class),
                URI.create(row.getString("url")),
                Json.MAPPER.readValue(row.getString("filter"), SubscriptionFilter.class),
                row.getBoolean("include_phone"),
                row.getString("secret"),
                row.getString("previous_secret"),
                read(row, "previous_secret_until"),
                new StartOffsets(Json.MAPPER.readValue(row.getString("start_offsets"), OFFSETS)),
                Objects.requireNonNull(read(row, "created_at")),
                row.getString("created_by"),
                read(row, "paused_at"),
                row.getString("paused_reason"));
    }
}
