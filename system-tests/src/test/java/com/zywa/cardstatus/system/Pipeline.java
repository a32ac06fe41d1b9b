package com.zywa.cardstatus.system;

import com.zywa.cardstatus.api.StatusApiApplication;
import com.zywa.cardstatus.ingest.IngestProducerApplication;
import com.zywa.cardstatus.processor.StatusProcessorApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole service running in this JVM against real parts: one KRaft broker, a real PostgreSQL database
 * (reset at start), and the three applications on random ports. Started once and shared by every integration test.
 */
final class Pipeline implements AutoCloseable {

    static final String DB_URL = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/cardstatus_test");
    static final String DB_USER = env("SPRING_DATASOURCE_USERNAME", "cardstatus");
    static final String DB_PASSWORD = env("SPRING_DATASOURCE_PASSWORD", "cardstatus");

    final EmbeddedKafkaKraftBroker broker;
    final ConfigurableApplicationContext processor;
    final ConfigurableApplicationContext ingest;
    final ConfigurableApplicationContext api;
    private final Path stateDir;

    private Pipeline(EmbeddedKafkaKraftBroker broker, Path stateDir) {
        this.broker = broker;
        this.stateDir = stateDir;
        this.processor = start(StatusProcessorApplication.application(), "--spring.kafka.streams.state-dir=" + stateDir);
        this.ingest = start(IngestProducerApplication.application(), "--ingest.instance-id=shared-test",
                "--spring.servlet.multipart.max-file-size=2MB", "--spring.servlet.multipart.max-request-size=2MB",
                "--ingest.partners.fastcourier.zone=Europe/London",
                "--ingest.partners.fastcourier.date-order=MONTH_FIRST",
                "--ingest.partners.fastcourier.phone-region=GB",
                "--ingest.partners.fastcourier.header-synonyms.card-id=Parcel Card,Card No");
        this.api = start(StatusApiApplication.application(), "--spring.flyway.enabled=false");
    }

    static Pipeline start() throws IOException, SQLException {
        resetDatabase();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new Pipeline(broker, Files.createTempDirectory("card-status-streams"));
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder app, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.datasource.url=" + DB_URL, "--spring.datasource.username=" + DB_USER,
                "--spring.datasource.password=" + DB_PASSWORD));
        args.addAll(List.of(extra));
        return app.run(args.toArray(String[]::new));
    }

    /** Drops what a previous run left, so versions and uploads start from nothing like the fresh broker. */
    private static void resetDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS ingest CASCADE");
            statement.execute("DROP TABLE IF EXISTS card_status, flyway_history_status CASCADE");
        }
    }

    String ingestUrl() {
        return "http://localhost:" + ingest.getEnvironment().getProperty("local.server.port");
    }

    String apiUrl() {
        return "http://localhost:" + api.getEnvironment().getProperty("local.server.port");
    }

    String processorUrl() {
        return "http://localhost:" + processor.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() throws IOException {
        api.close();
        ingest.close();
        processor.close();
        broker.destroy();
        org.springframework.util.FileSystemUtils.deleteRecursively(stateDir);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
