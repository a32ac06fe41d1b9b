package com.zywa.cardstatus.system;

import com.zywa.cardstatus.local.LocalPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real PostgreSQL the integration tests use: the one named by {@code SPRING_DATASOURCE_URL} (with
 * {@code _USERNAME}, {@code _PASSWORD}); else {@code cardstatus_test} on 127.0.0.1:5432 as {@code .ci/run} prepares
 * it; else, so that {@code ./mvnw verify} needs nothing but a JDK, a PostgreSQL started from the Maven-published
 * binaries under {@code target/} for this test run.
 */
final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Pipeline.Database database;

    private TestDatabase() {}

    static synchronized Pipeline.Database get() {
        if (database == null) {
            database = find();
        }
        return database;
    }

    private static Pipeline.Database find() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            return new Pipeline.Database(
                    url,
                    env("SPRING_DATASOURCE_USERNAME", "cardstatus"),
                    env("SPRING_DATASOURCE_PASSWORD", "cardstatus"));
        }
        Pipeline.Database local = new Pipeline.Database(
                "jdbc:postgresql://127.0.0.1:5432/cardstatus_test?connectTimeout=3", "cardstatus", "cardstatus");
        if (reachable(local)) {
            return local;
        }
        log.info("no PostgreSQL at {} (see .ci/run); starting one from the Maven-published binaries", local.url());
        return embedded();
    }

    private static Pipeline.Database embedded() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            LocalPostgres postgres = new LocalPostgres(Path.of("target", "embedded-postgres"), port);
            postgres.start();
            postgres.createDatabase("cardstatus_test", "cardstatus", "cardstatus");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception e) {
                    log.warn("stopping the test PostgreSQL failed: {}", e.getMessage());
                }
            }));
            return new Pipeline.Database(postgres.jdbcUrl("cardstatus_test"), "cardstatus", "cardstatus");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "no PostgreSQL for the integration tests: set SPRING_DATASOURCE_URL, run "
                            + ".ci/run's set-up, or check target/embedded-postgres/commands.log",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test PostgreSQL", e);
        }
    }

    private static boolean reachable(Pipeline.Database candidate) {
        try (Connection connection =
                DriverManager.getConnection(candidate.url(), candidate.user(), candidate.password())) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
