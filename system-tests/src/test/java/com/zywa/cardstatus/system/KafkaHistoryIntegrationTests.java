package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonValueSerializer;
import com.zywa.cardstatus.processor.StatusProcessorApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka's history wiped while PostgreSQL's projection is kept (a new, empty cluster beside the old database): the
 * processor refuses to start, saying what it found and what to do, and leaves the projection as it was; started with
 * {@code cardstatus.projection.rebuild-on-new-kafka=true} it empties the projection and rebuilds it from the new
 * cluster, so a new event is applied instead of being ignored by the version guard (its version starts over at 1).
 */
class KafkaHistoryIntegrationTests {

    private static final String CARD = "ZYWWIPE1";

    @TempDir
    Path states;

    @Test
    void aProcessorOnAWipedKafkaRefusesToStartOrRebuildsTheProjectionWhenToldTo() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.start("kafka-history-postgres");
                TestBroker first = TestBroker.start(3)) {
            try (ConfigurableApplicationContext processor = processor(first, postgres.database())) {
                publish(first, EventType.PICKED_UP, "2023-11-12T08:00:00Z");
                publish(first, EventType.DELIVERY_EXCEPTION, "2023-11-13T08:00:00Z");
                publish(first, EventType.RETURNED, "2023-11-14T08:00:00Z");
                await().atMost(Duration.ofSeconds(60)).until(() -> "RETURNED 3".equals(card(postgres)));
            }
            try (TestBroker wiped = TestBroker.start(3)) {
                assertThatThrownBy(() -> processor(wiped, postgres.database()).close())
                        .rootCause()
                        .hasMessageContaining("was built from Kafka cluster " + clusterId(first))
                        .hasMessageContaining("but this Kafka is cluster " + clusterId(wiped));
                assertThat(card(postgres)).isEqualTo("RETURNED 3");

                try (ConfigurableApplicationContext processor =
                        processor(wiped, postgres.database(), "--cardstatus.projection.rebuild-on-new-kafka=true")) {
                    assertThat(card(postgres)).isNull();
                    publish(wiped, EventType.DELIVERED, "2023-11-15T08:00:00Z");
                    await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED 1".equals(card(postgres)));
                }
                assertThat(origin(postgres)).isEqualTo(clusterId(wiped));
            }
        }
    }

    private ConfigurableApplicationContext processor(TestBroker broker, Pipeline.Database database, String... extra) {
        List<String> args = new ArrayList<>(List.of(Pipeline.args(broker.bootstrapServers(), database, extra)));
        args.add("--spring.kafka.streams.state-dir="
                + states.resolve("processor-" + args.hashCode() + "-" + System.nanoTime()));
        return StatusProcessorApplication.application().run(args.toArray(String[]::new));
    }

    private static void publish(TestBroker broker, EventType type, String at) {
        CardEvent event = CardEvent.of(
                type, CARD, null, Instant.parse(at), null, null, EventSource.api("default", "kafka-history-test"));
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new JsonValueSerializer())) {
            producer.send(new ProducerRecord<>(type.topic(), CARD, event));
        }
    }

    private static String clusterId(TestBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    /** The card's status and version in the projection, or null. */
    private static String card(OwnPostgres postgres) throws SQLException {
        return first(postgres, "SELECT status || ' ' || version FROM card_status WHERE card_id = '" + CARD + "'");
    }

    private static String origin(OwnPostgres postgres) throws SQLException {
        return first(postgres, "SELECT cluster_id FROM projection_origin");
    }

    private static String first(OwnPostgres postgres, String sql) throws SQLException {
        Pipeline.Database database = postgres.database();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
