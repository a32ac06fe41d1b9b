package com.zywa.cardstatus.system;

import com.zywa.cardstatus.api.StatusApiApplication;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import com.zywa.cardstatus.ingest.IngestProducerApplication;
import com.zywa.cardstatus.notifier.StatusNotifierApplication;
import com.zywa.cardstatus.processor.StatusProcessorApplication;
import com.zywa.cardstatus.support.personaldata.KeyEncryptionKey;
import com.zywa.cardstatus.support.personaldata.PhoneHasher;
import com.zywa.cardstatus.support.personaldata.PhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import com.zywa.cardstatus.support.security.TestIssuer;
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
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The whole service running in this JVM against real parts: a KRaft broker, a real PostgreSQL database (reset at
 * start), a JWT issuer, and the four applications on random ports, which know the test API keys
 * ({@link TestCredentials}) and trust the issuer's tokens. The embedded one is started once and shared by the
 * integration tests; the container tests build one on Testcontainers' broker and database.
 */
final class Pipeline implements AutoCloseable {

    /**
     * The reason mapping the processor starts with, in a file the tests may edit as ops would: the shipped default
     * (partner {@code default}) and partner {@code swiftpost}, whose codes are its own.
     */
    static final String REASONS = ReasonMappingFile.shippedText() + """
              swiftpost:
                codes:
                  RF: [RECIPIENT_REFUSED, REFUSED]
            """;

    /** The partner ingest holds to 3 events an hour (PartnerEventsRateIntegrationTests). */
    static final String RATE_PARTNER = "ratetest";

    /** The JWT subject whose lookups status-api holds to 5 an hour (LookupAuditIntegrationTests' burst). */
    static final String LOOKUP_BURST_SUBJECT = "lookup-burst";

    /**
     * The one partner whose cards the shared processor stalls, by the default days (contract §13); every other
     * partner's never stall here, so the old sample cards of other tests keep their statuses.
     */
    static final String STALL_PARTNER = "stalltest";

    /** Where the database is, and who connects. */
    record Database(String url, String user, String password) {}

    private final TestBroker broker;
    private final String bootstrapServers;
    private final Database database;
    private final Path stateDir;
    private final Path reasonMapping;
    private final TestIssuer issuer;
    final ConfigurableApplicationContext processor;
    final ConfigurableApplicationContext ingest;
    final ConfigurableApplicationContext api;
    final ConfigurableApplicationContext notifier;

    private Pipeline(TestBroker broker, String bootstrapServers, Database database) throws IOException {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.database = database;
        this.stateDir = Files.createTempDirectory("card-status-streams");
        this.reasonMapping =
                Files.writeString(stateDir.resolveSibling(stateDir.getFileName() + "-reasons.yaml"), REASONS);
        this.issuer = TestIssuer.start();
        this.processor = start(
                StatusProcessorApplication.application(),
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--cardstatus.reasons.mapping-file=" + reasonMapping,
                "--cardstatus.reasons.reload-interval=PT0.5S",
                "--cardstatus.rebuild.poll-interval=PT0.5S",
                "--cardstatus.stalls.after.PICKED_UP=0s",
                "--cardstatus.stalls.after.DELIVERY_EXCEPTION=0s",
                "--cardstatus.stalls.partners." + STALL_PARTNER + ".PICKED_UP=3d",
                "--cardstatus.stalls.partners." + STALL_PARTNER + ".DELIVERY_EXCEPTION=2d",
                "--cardstatus.stalls.check-interval=2s");
        this.api = start(
                StatusApiApplication.application(),
                "--spring.flyway.enabled=false",
                // the work queue's counts (and gauges) follow the tests' cards within a second
                "--cardstatus.api.queue.counts-interval=PT1S",
                // the suite's readers look up far more than a caller's default rate; one token is held to 5 an hour
                "--cardstatus.api.lookup-rate.limit=1000000",
                "--cardstatus.api.lookup-rate.callers.[jwt:" + LOOKUP_BURST_SUBJECT + "].limit=5",
                "--cardstatus.api.lookup-rate.callers.[jwt:" + LOOKUP_BURST_SUBJECT + "].period=1h");
        this.notifier = start(StatusNotifierApplication.application(), notifierArgs("notifier", "24h"));
        this.ingest = start(
                IngestProducerApplication.application(),
                "--cardstatus.ingest.instance-id=shared-test",
                // what ingest consumed from the partner topics is deleted within a second (contract §12)
                "--cardstatus.ingest.partner-events-delete-interval=1s",
                "--spring.servlet.multipart.max-file-size=2MB",
                "--spring.servlet.multipart.max-request-size=2MB",
                "--cardstatus.ingest.partners.fastcourier.zone=Europe/London",
                "--cardstatus.ingest.partners.fastcourier.date-order=MONTH_FIRST",
                "--cardstatus.ingest.partners.fastcourier.phone-region=GB",
                "--cardstatus.ingest.partners.fastcourier.header-synonyms.card-id=Parcel Card,Card No",
                "--cardstatus.ingest.partners.swiftpost.zone=Asia/Dubai",
                // the suite's partners send far more than a partner's default rate: limits are proven in slice tests
                "--cardstatus.ingest.event-rate.limit=1000000",
                "--cardstatus.ingest.partners." + RATE_PARTNER + ".zone=Asia/Dubai",
                "--cardstatus.ingest.event-rate.partners." + RATE_PARTNER + ".limit=3",
                "--cardstatus.ingest.event-rate.partners." + RATE_PARTNER + ".period=1h",
                // the ops console asks this pipeline's status-api and notifier with the test ops key (the unmapped
                // reasons and the subscriptions need it)
                "--cardstatus.ingest.console.status-api-url=" + url(api),
                "--cardstatus.ingest.console.status-api-key=" + TestCredentials.OPS_KEY,
                "--cardstatus.ingest.console.notifier-url=" + url(notifier),
                "--cardstatus.ingest.console.notifier-key=" + TestCredentials.OPS_KEY);
    }

    /**
     * A notifier's settings in the tests: its tables in {@code schema}, its own consumer group, short timeouts and
     * back-offs, a retry horizon of {@code retryHorizon}, and targets on this machine over HTTP allowed (the tests'
     * receivers).
     */
    static String[] notifierArgs(String schema, String retryHorizon) {
        return new String[] {
            "--spring.flyway.schemas=" + schema,
            "--spring.kafka.consumer.group-id=status-" + schema.replace('_', '-'),
            "--cardstatus.notifier.allow-http=true",
            "--cardstatus.notifier.allow-private-targets=true",
            "--cardstatus.notifier.timeout=2s",
            "--cardstatus.notifier.first-retry=500ms",
            "--cardstatus.notifier.max-retry-interval=5s",
            "--cardstatus.notifier.retry-horizon=" + retryHorizon,
            "--cardstatus.notifier.poll-interval=200ms"
        };
    }

    /** Starts another application of this pipeline (on its broker, database and issuer), e.g. a second notifier. */
    ConfigurableApplicationContext startAnother(SpringApplicationBuilder app, String... extra) {
        return start(app, extra);
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
        List<String> args = new ArrayList<>(List.of(extra));
        args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri());
        args.add("--spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE);
        return app.run(args(bootstrapServers, database, args.toArray(String[]::new)));
    }

    /**
     * Command-line arguments pointing an application at a broker and a database, on a random port, with the test
     * API keys.
     */
    static String[] args(String bootstrapServers, Database database, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                // connections as needed, not a full pool each from the start: the test database is shared
                "--spring.datasource.hikari.minimum-idle=1"));
        args.addAll(apiKeyArgs());
        args.addAll(personalDataArgs());
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The key-encryption key of this test run (every application and child process of it shares it). */
    static final String KEK = KeyEncryptionKey.generateJson();

    /** The phones' keyed-hash key of the tests. */
    static final String PHONE_HASH_KEY = "system-tests-phone-hash-key-000000000000";

    /** A vault on {@code database}'s key store under this run's keys: what the tests open sealed phones with. */
    static PhoneVault vault(Database database) {
        return new PhoneVault(
                KeyEncryptionKey.fromJson(KEK),
                new PhoneHasher(PHONE_HASH_KEY),
                new PhoneKeys(new DriverManagerDataSource(database.url(), database.user(), database.password())));
    }

    /** The keys that seal and find phones (contract §12), the same for every application of the tests. */
    static List<String> personalDataArgs() {
        return List.of(
                "--cardstatus.personal-data.kek=" + KEK, "--cardstatus.personal-data.phone-hash-key=" + PHONE_HASH_KEY);
    }

    /** Drops what a previous run left, so versions and uploads start from nothing like the fresh broker. */
    private static void resetDatabase(Database database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS ingest CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS notifier CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS notifier_horizon CASCADE");
            // the processor's schema (the user's current one): every view, table and function its migrations made,
            // whichever they are, views first (they depend on the tables)
            statement.execute("""
                    DO $$
                    DECLARE found record;
                    BEGIN
                        FOR found IN SELECT relname, relkind FROM pg_class
                                     WHERE relnamespace = CAST(current_schema() AS regnamespace)
                                       AND relkind IN ('r', 'v', 'm', 'p')
                                     ORDER BY relkind = 'r', relname LOOP
                            EXECUTE format('DROP %s IF EXISTS %I CASCADE',
                                           CASE found.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                                ELSE 'TABLE' END, found.relname);
                        END LOOP;
                        FOR found IN SELECT oid::regprocedure AS name FROM pg_proc
                                     WHERE pronamespace = CAST(current_schema() AS regnamespace) LOOP
                            EXECUTE 'DROP FUNCTION IF EXISTS ' || found.name || ' CASCADE';
                        END LOOP;
                    END
                    $$""");
        }
    }

    /** The test API keys' hashes as command-line arguments. */
    static List<String> apiKeyArgs() {
        return TestCredentials.properties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    /** The processor's reason mapping file ({@link #REASONS} at start), read again within a second of a change. */
    Path reasonMapping() {
        return reasonMapping;
    }

    /** The issuer every application of this pipeline trusts. */
    TestIssuer issuer() {
        return issuer;
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

    String notifierUrl() {
        return url(notifier);
    }

    String processorUrl() {
        return url(processor);
    }

    static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() throws IOException {
        notifier.close();
        api.close();
        ingest.close();
        processor.close();
        if (broker != null) {
            broker.close();
        }
        issuer.close();
        FileSystemUtils.deleteRecursively(stateDir);
        Files.deleteIfExists(reasonMapping);
    }
}
