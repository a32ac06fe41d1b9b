package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.ingest.retention.RejectedRowPurge;
import com.zywa.cardstatus.support.TestEnvironments;
import com.zywa.cardstatus.support.TopicSettings;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Raw text of rejected input is personal data kept for a limited time (docs/deployment-security.md): the stored rows
 * lose their text after the retention on real PostgreSQL, keeping line and reason, and {@code card.rejects} keeps its
 * records as long.
 */
class RejectedRowRetentionIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrateTheIngestSchema() {
        Pipeline.Database database = TestDatabase.get();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/ingest")
                .schemas("ingest")
                .defaultSchema("ingest")
                .table("flyway_history_ingest")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void dropsTheRawTextOfRowsOlderThanTheRetentionAndKeepsTheirLineAndReason() {
        UUID old = upload(NOW.minus(Duration.ofDays(31)));
        UUID recent = upload(NOW.minus(Duration.ofDays(29)));

        int purged = new RejectedRowPurge(jdbc, Duration.ofDays(30)).purge(NOW);

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(issues(old)).containsExactly("3|line 3: card ID is empty|null", "5|line 5: bad timestamp|null");
        assertThat(issues(recent))
                .containsExactly(
                        "3|line 3: card ID is empty|,0534534534,12-11-2023 23:59",
                        "5|line 5: bad timestamp|ZYW1,0534534534,yesterday");
        assertThat(new RejectedRowPurge(jdbc, Duration.ofDays(30)).purge(NOW))
                .as("nothing left to purge")
                .isZero();
    }

    @Test
    void theRejectsTopicKeepsRecordsAsLongAsTheStoredRows() throws IOException {
        for (String service : new String[] {"ingest-producer.properties", "status-processor.properties"}) {
            assertThat(topicSettings(service, Map.of()).rejectsRetention())
                    .as(service)
                    .isEqualTo(Duration.ofDays(30));
            assertThat(topicSettings(service, Map.of("CARDSTATUS_TOPICS_REJECTSRETENTION", "P7D"))
                            .rejectsRetention())
                    .as(service)
                    .isEqualTo(Duration.ofDays(7));
        }
    }

    private static UUID upload(Instant receivedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO ingest.upload (upload_id, partner, file_name, kind, state, received_at) "
                        + "VALUES (?, 'default', 'pickup.csv', 'PICKED_UP', 'COMPLETED', ?)",
                id,
                Timestamp.from(receivedAt));
        jdbc.update(
                "INSERT INTO ingest.row_issue (upload_id, severity, line, message, raw) VALUES "
                        + "(?, 'REJECTED', 3, 'line 3: card ID is empty', ',0534534534,12-11-2023 23:59'), "
                        + "(?, 'REJECTED', 5, 'line 5: bad timestamp', 'ZYW1,0534534534,yesterday')",
                id,
                id);
        return id;
    }

    private static List<String> issues(UUID upload) {
        return jdbc.query(
                "SELECT line, message, raw FROM ingest.row_issue WHERE upload_id = ? ORDER BY line",
                (rs, n) -> rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                upload);
    }

    private static TopicSettings topicSettings(String service, Map<String, Object> env) throws IOException {
        return bind(service, env).bindOrCreate("cardstatus.topics", TopicSettings.class);
    }

    /** The service's properties file with {@code env} as its environment variables, as Spring Boot resolves them. */
    private static Binder bind(String service, Map<String, Object> env) throws IOException {
        StandardEnvironment environment = TestEnvironments.withVariables(env);
        environment.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource(service)));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment);
    }
}
