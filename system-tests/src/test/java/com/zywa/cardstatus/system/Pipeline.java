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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The whole service running in this JVM against real parts: a KRaft broker, a real PostgreSQL database (reset at
 * start), and the three applications on random ports. The embedded one is started once and shared by the
 * integration tests; the container tests build one on Testcontainers' broker and database.
 */
final class Pipeline implements AutoCloseable {

    /** Where the database is, and who connects. */
    record Database(String url, String user, String password) {
    }

    private final TestBroker broker;
    private final String bootstrapServers;
    private final Database database;
    private final Path stateDir;
    final ConfigurableApplicationContext processor;
    final ConfigurableApplicationContext ingest;
    final ConfigurableApplicationContext api;

    private Pipeline(TestBroker broker, String bootstrapServers, Database database) throws IOException {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.database = database;
        this.stateDir = Files.createTempDirectory("card-status-streams");
        this.processor = start(StatusProcessorApplication.application(), "--spring.kafka.streams.state-dir=" + stateDir);
        this.ingest = start(IngestProducerApplication.application(), "--ingest.instance-id=shared-test",
                "--spring.servlet.multipart.max-file-size=2MB", "--spring.servlet.multipart.max-request-size=2MB",
                "--ingest.partners.fastcourier.zone=Europe/London",
                "--ingest.partners.fastcourier.date-order=MONTH_FIRST",
                "--ingest.partners.fastcourier.phone-region=GB",
                "--ingest.partners.fastcourier.header-synonyms.card-id=Parcel Card,Card No");
        this.api = start(StatusApiApplication.application(), "--spring.flyway.enabled=false");
    }

    /** The shared pipeline: an embedded KRaft broker and the test database. */
    static Pipeline start() throws IOException, SQLException {
        TestBroker broker = TestBroker.start(3);
        resetDatabase(TestDatabase.get());
        return new Pipeline(broker, broker.bootstrapServers(), TestDatabase.get());
    }

    /** A pipeline on a broker and database run by someone else (containers); the database is reset first. */
    static Pipeline on(String bootstrapServers, Database database) throws IOException, SQLException {
        resetDatabase(database);
        return new Pipeline(null, bootstrapServers, database);
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder app, String... extra) {
        return app.run(args(bootstrapServers, database, extra));
    }

    /** Command-line arguments pointing an application at a broker and a database on a random port. */
    static String[] args(String bootstrapServers, Database database, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Drops what a previous run left, so versions and uploads start from nothing like the fresh broker. */
    private static void resetDatabase(Database database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS ingest CASCADE");
            statement.execute("DROP TABLE IF EXISTS card_status, projection_origin, flyway_history_status CASCADE");
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Database database() {
        return database;
    }

    String ingestUrl() {
        return url(ingest);
    }

    String apiUrl() {
        return url(api);
    }

    String processorUrl() {
        return url(processor);
    }

    static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() throws IOException {
        api.close();
        ingest.close();
        processor.close();
        if (broker != null) {
            broker.close();
        }
        FileSystemUtils.deleteRecursively(stateDir);
    }
}
