package com.zywa.cardstatus.support;

import com.zywa.cardstatus.contract.SafeMessages;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database's health without making the caller wait: a background thread takes a connection and validates it
 * every {@code interval}, and {@link #health()} answers at once from the last check, DOWN when it failed or when no
 * check has succeeded for {@code staleAfter} (one is hanging on a hung server). Boot's own indicator waited for a
 * connection on the caller's thread, so a hung PostgreSQL held every health request for the pool's whole wait.
 */
public final class DatabaseHealth implements HealthIndicator, AutoCloseable {

    private static final int VALIDATION_SECONDS = 1;

    private final DataSource dataSource;
    private final Duration staleAfter;
    private final Clock clock;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastSuccess;
    private volatile String problem = "not checked yet";

    DatabaseHealth(DataSource dataSource, Duration staleAfter, Clock clock) {
        this.dataSource = dataSource;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** Starts checking now and then every {@code interval} after the previous check ended. */
    DatabaseHealth checkEvery(Duration interval) {
        checks.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    void check() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                lastSuccess = clock.instant();
                problem = null;
            } else {
                problem = "the database did not answer a validation query within " + VALIDATION_SECONDS + " s";
            }
        } catch (Exception e) {
            problem = SafeMessages.rootCause(e);
        }
    }

    @Override
    public Health health() {
        Instant success = lastSuccess;
        String failure = problem;
        Instant now = clock.instant();
        if (failure == null && success != null && !success.plus(staleAfter).isBefore(now)) {
            return Health.up().withDetail("checkedAt", success.toString()).build();
        }
        Health.Builder down = Health.down()
                .withDetail(
                        "error",
                        failure != null
                                ? failure
                                : "no answer from the database for "
                                        + Duration.between(success, now).toSeconds() + " s");
        return success == null
                ? down.build()
                : down.withDetail("lastSuccess", success.toString()).build();
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
