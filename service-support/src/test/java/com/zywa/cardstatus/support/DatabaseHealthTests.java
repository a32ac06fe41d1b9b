package com.zywa.cardstatus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class DatabaseHealthTests {

    private final MovableClock clock = new MovableClock();

    @Test
    void upWhenTheLastCheckGotAValidConnection() {
        DatabaseHealth health = new DatabaseHealth(database(() -> connection(true)), Duration.ofSeconds(4), clock);
        health.check();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downBeforeTheFirstCheck() {
        DatabaseHealth health = new DatabaseHealth(database(() -> connection(true)), Duration.ofSeconds(4), clock);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downWithTheCauseAsSoonAsACheckFails() {
        boolean[] reachable = {true};
        DatabaseHealth health = new DatabaseHealth(
                database(() -> {
                    if (!reachable[0]) {
                        throw new SQLException("Connection to 127.0.0.1:5432 refused");
                    }
                    return connection(true);
                }),
                Duration.ofSeconds(4),
                clock);
        health.check();
        reachable[0] = false;
        health.check();
        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("error").toString()).contains("Connection to 127.0.0.1:5432 refused");
        reachable[0] = true;
        health.check();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void answersDownAtOnceWhileACheckHangsOnAHungDatabase() throws Exception {
        CountDownLatch hung = new CountDownLatch(1);
        boolean[] hangs = {false};
        DatabaseHealth health = new DatabaseHealth(
                database(() -> {
                    if (hangs[0]) {
                        hung.await();
                    }
                    return connection(true);
                }),
                Duration.ofSeconds(4),
                clock);
        health.check();
        hangs[0] = true;
        CompletableFuture<Void> hangingCheck = CompletableFuture.runAsync(health::check);
        clock.advance(Duration.ofSeconds(3));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(2));
        Health down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("error")).isEqualTo("no answer from the database for 5 s");
        hung.countDown();
        hangingCheck.get();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhenTheConnectionDoesNotValidate() {
        DatabaseHealth health = new DatabaseHealth(database(() -> connection(false)), Duration.ofSeconds(4), clock);
        health.check();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private interface ConnectionSource {
        Connection get() throws Exception;
    }

    private static DataSource database(ConnectionSource connections) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connections.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Connection connection(boolean valid) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> valid;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
