package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Two status-processor instances on one real broker share the work of the fold (event topics with 4
 * partitions); when one stops mid-stream the other takes over its partitions and every card still ends right, and
 * the cards that stalled before it stopped (contract §13) do not stall again: no stall is on card.stalled twice. The
 * broker is the test's own, so the database is too: a projection belongs to one Kafka cluster.
 */
class ProcessorScaleOutIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ProcessorScaleOutIntegrationTests.class);
    private static final int CARDS = 3_000;
    private static final int STALE = 200;
    private static final Instant START = Instant.parse("2023-11-01T00:00:00Z");

    private Pipeline.Database database;

    @Test
    void twoInstancesShareThePartitionsAndOneTakesOverWhenTheOtherStops(@TempDir Path stateA, @TempDir Path stateB)
            throws Exception {
        TestBroker broker = TestBroker.start(4);
        OwnPostgres postgres = OwnPostgres.start("scale-out-postgres");
        database = postgres.database();
        Map<String, String> expected = new HashMap<>();
        List<CardEvent> events = lifecycles(new Random(5), expected);
        try (ConfigurableApplicationContext a = processor(broker, stateA);
                ConfigurableApplicationContext b = processor(broker, stateB);
                KafkaProducer<String, Object> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", broker.bootstrapServers(), "enable.idempotence", "true"),
                        new StringSerializer(),
                        new JsonValueSerializer())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> tasks(a) > 0 && tasks(b) > 0);
            int beforeA = tasks(a);
            int beforeB = tasks(b);

            events.subList(0, events.size() / 2).forEach(e -> producer.send(record(e)));
            stalePickUps().forEach(e -> producer.send(record(e)));
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> projected().size() > CARDS / 4);
            // every stale card stalls (picked up in 2023, nothing since) before B stops
            await().atMost(Duration.ofSeconds(60)).until(() -> stalledStaleCards() == STALE);
            b.close();
            events.subList(events.size() / 2, events.size()).forEach(e -> producer.send(record(e)));
            producer.flush();

            await().atMost(Duration.ofSeconds(60)).until(() -> tasks(a) == 4);
            log.info(
                    "fold tasks (one per partition of the 4 co-partitioned event topics): before A={} B={}, "
                            + "after B stopped A={}",
                    beforeA,
                    beforeB,
                    tasks(a));
            assertThat(beforeA + beforeB).isEqualTo(4);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(projected()).isEqualTo(expected));
            // B's cards moved to A with their state: none stalls again, and no stall was written twice
            Map<String, Long> stalls = new TopicReader(broker.bootstrapServers()).stallIds();
            assertThat(stalls)
                    .as("card.stalled records by CloudEvent id")
                    .allSatisfy((id, copies) -> assertThat(copies).as(id).isOne());
            assertThat(stalls.keySet().stream().filter(id -> id.startsWith("ZYWSTALE")))
                    .as("one stall per stale card")
                    .hasSize(STALE);
        } finally {
            broker.close();
            postgres.close();
        }
    }

    /** Cards picked up long ago with no later event: each stalls once (contract §13). */
    private static List<CardEvent> stalePickUps() {
        List<CardEvent> events = new ArrayList<>();
        for (int card = 0; card < STALE; card++) {
            events.add(CardEvent.of(
                    EventType.PICKED_UP,
                    String.format("ZYWSTALE%05d", card),
                    null,
                    START,
                    null,
                    "S" + card,
                    EventSource.api("default", "scale-out-test")));
        }
        return events;
    }

    private int stalledStaleCards() throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM card_status "
                        + "WHERE card_id LIKE 'ZYWSTALE%' AND stalled_since IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private ConfigurableApplicationContext processor(TestBroker broker, Path state) {
        return StatusProcessorApplication.application()
                .run(Pipeline.args(
                        broker.bootstrapServers(),
                        database,
                        "--spring.kafka.streams.state-dir=" + state,
                        "--cardstatus.topics.partitions=4",
                        "--spring.kafka.streams.properties.num.standby.replicas=1",
                        // a stopped instance leaves the group at once and a silent one is noticed in 6 s (default 45 s)
                        "--spring.kafka.streams.properties.internal.leave.group.on.close=true",
                        "--spring.kafka.streams.properties.session.timeout.ms=6000",
                        "--spring.kafka.streams.properties.heartbeat.interval.ms=1500",
                        "--cardstatus.stalls.check-interval=1s"));
    }

    /** How many fold tasks (partition numbers) an instance runs right now. */
    private static int tasks(ConfigurableApplicationContext processor) {
        KafkaStreams streams =
                processor.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return 0;
        }
        return streams.metadataForLocalThreads().stream()
                .mapToInt(thread -> thread.activeTasks().size())
                .sum();
    }

    private static ProducerRecord<String, Object> record(CardEvent event) {
        return new ProducerRecord<>(event.type().topic(), event.cardId(), event);
    }

    /** Cards picked up, failing 0-2 times, then delivered or returned; events shuffled across cards and topics. */
    private static List<CardEvent> lifecycles(Random random, Map<String, String> expected) {
        List<CardEvent> events = new ArrayList<>();
        EventSource source = EventSource.api("default", "scale-out-test");
        for (int card = 0; card < CARDS; card++) {
            String id = String.format("ZYWSCALE%05d", card);
            Instant at = START.plusSeconds(60L * random.nextInt(100_000));
            events.add(CardEvent.of(EventType.PICKED_UP, id, null, at, null, "P" + card, source));
            int failures = random.nextInt(3);
            for (int i = 0; i < failures; i++) {
                at = at.plusSeconds(3600);
                events.add(
                        CardEvent.of(EventType.DELIVERY_EXCEPTION, id, null, at, "not home", "E" + card + i, source));
            }
            EventType last = random.nextBoolean() ? EventType.DELIVERED : EventType.RETURNED;
            events.add(CardEvent.of(last, id, null, at.plusSeconds(3600), null, "F" + card, source));
            expected.put(id, last + "/" + failures);
        }
        Collections.shuffle(events, random);
        return events;
    }

    private Map<String, String> projected() throws Exception {
        Map<String, String> cards = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT card_id, status, delivery_exceptions FROM card_status "
                        + "WHERE card_id LIKE 'ZYWSCALE%'")) {
            while (rows.next()) {
                cards.put(rows.getString(1), rows.getString(2) + "/" + rows.getInt(3));
            }
        }
        return cards;
    }
}
