package com.zywa.cardstatus.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Lets only one running process use an instance ID: upload records and Kafka transactional IDs are named after it,
 * so a second process with the same ID would fence the first one's transactions and fail its uploads. The ID is
 * held as a PostgreSQL advisory lock on a connection of its own, which the database releases the moment the process
 * dies, so a restarted instance takes it back at once; a second live one refuses to start. Checked every
 * {@link #CHECK_INTERVAL} on the task scheduler: a lock lost with a database restart is taken again, or, if another
 * process took it, liveness breaks. What names itself after the instance takes the ID from here, so it exists only
 * once the lock is held.
 */
@Component
public final class InstanceLock implements DisposableBean {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(InstanceLock.class);
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtextextended(?, 0))";

    private final String instanceId;
    private final DataSourceProperties database;
    private final ApplicationEventPublisher events;
    private final ScheduledFuture<?> checks;
    private @Nullable Connection connection;

    InstanceLock(
            IngestSettings settings,
            DataSourceProperties database,
            ApplicationEventPublisher events,
            TaskScheduler scheduler)
            throws SQLException {
        this.instanceId = settings.instanceId();
        this.database = database;
        this.events = events;
        if (!acquire()) {
            close();
            throw new IllegalStateException("another ingest-producer with instance ID '" + instanceId + "' is "
                    + "running (it holds this ID's lock in PostgreSQL); give every instance its own CARDSTATUS_INGEST_INSTANCEID, "
                    + "stable across its restarts");
        }
        checks = scheduler.scheduleWithFixedDelay(
                this::check, scheduler.getClock().instant().plus(CHECK_INTERVAL), CHECK_INTERVAL);
    }

    /** The instance ID this process holds the lock of. */
    public String instanceId() {
        return instanceId;
    }

    private synchronized boolean acquire() throws SQLException {
        close();
        connection = DriverManager.getConnection(database.determineUrl(), connectionProperties());
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK)) {
            lock.setString(1, "ingest-instance:" + instanceId);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Bounded waits, so a hung database cannot hold the start-up or the checking thread for ever. */
    private Properties connectionProperties() {
        Properties properties = new Properties();
        if (database.determineUsername() != null) {
            properties.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("ApplicationName", "ingest-producer instance lock");
        return properties;
    }

    private synchronized void check() {
        try {
            if (connection != null && connection.isValid(2)) {
                return;
            }
            if (acquire()) {
                log.warn("instance {} took its lock again after its database connection was lost", instanceId);
            } else {
                log.error(
                        "another ingest-producer took instance ID '{}' while this one had lost its database "
                                + "connection; this instance reports itself broken",
                        instanceId);
                AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
                checks.cancel(false);
            }
        } catch (SQLException e) {
            log.warn("the lock of instance {} cannot be checked now: {}", instanceId, e.getMessage());
        }
    }

    private synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the instance lock's connection failed", e);
            }
            connection = null;
        }
    }

    @Override
    public synchronized void destroy() {
        checks.cancel(false);
        close();
    }
}
