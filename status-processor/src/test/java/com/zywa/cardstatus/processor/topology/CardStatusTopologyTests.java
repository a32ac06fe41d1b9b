package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardStatusTopologyTests {

    private TopologyTestDriver driver;
    private TestOutputTopic<String, CardStatus> statuses;
    private TestOutputTopic<String, CardEvent> deadLetters;
    private TestOutputTopic<String, byte[]> rawStatuses;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        CardStatusTopology.build(builder, FoldReasons.fixed(ReasonMappingFile.shippedDefault()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        statuses = driver.createOutputTopic(
                Topics.STATUS, new StringDeserializer(), new JsonSerde<>(CardStatus.class).deserializer());
        rawStatuses = driver.createOutputTopic(Topics.STATUS, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(
                Topics.EVENTS_DLT,
                new StringDeserializer(),
                JsonSerde.cardEvents().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @ParameterizedTest(name = "shuffle seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void eventsInAnyOrderAndDuplicatedGiveTheSpecStatuses(long seed) {
        List<CardEvent> events = new ArrayList<>(sampleEvents());
        events.addAll(sampleEvents());
        Collections.shuffle(events, new Random(seed));

        events.forEach(this::pipe);

        Map<String, CardStatus> latest = statuses.readKeyValuesToMap();
        assertThat(latest).containsOnlyKeys("ZYW8827", "ZYW8890", "ZYW7631");
        assertStatus(latest.get("ZYW8827"), EventType.DELIVERED, "2023-11-13T09:34:56Z", "+971585949014", 0);
        assertStatus(latest.get("ZYW8890"), EventType.RETURNED, "2023-11-14T08:00:00Z", "+971534534534", 1);
        assertStatus(latest.get("ZYW7631"), EventType.DELIVERED, "2023-11-14T12:34:56Z", "+971545576586", 1);
        assertThat(latest.get("ZYW8890").history())
                .extracting(CardStatus.HistoryEntry::status)
                .containsExactly(EventType.PICKED_UP, EventType.DELIVERY_EXCEPTION, EventType.RETURNED);
    }

    @Test
    void versionsOfACardGrowWithEveryChange() {
        sampleEvents().stream()
                .filter(event -> event.cardId().equals("ZYW7631"))
                .forEach(this::pipe);

        assertThat(statuses.readValuesToList()).extracting(CardStatus::version).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aLateOlderEventKeepsTheNewerStatus() {
        List<CardEvent> card = sampleEvents().stream()
                .filter(event -> event.cardId().equals("ZYW7631"))
                .toList();
        pipe(card.get(2));
        pipe(card.get(0));

        CardStatus last = statuses.readValuesToList().get(1);
        assertThat(last.status()).isEqualTo(EventType.DELIVERED);
        assertThat(last.history()).hasSize(2);
    }

    @Test
    void setsAsideAnEventKeyedByAnotherCard() {
        CardEvent event = sampleEvents().get(0);
        driver.createInputTopic(
                        event.type().topic(),
                        new StringSerializer(),
                        JsonSerde.cardEvents().serializer())
                .pipeInput("WRONG-KEY", event);

        assertThat(statuses.isEmpty()).isTrue();
        TestRecord<String, CardEvent> setAside = deadLetters.readRecord();
        assertThat(setAside.value()).isEqualTo(event);
        assertThat(reason(setAside)).contains("keyed by WRONG-KEY");
        assertThat(header(setAside, "kafka_dlt-original-topic"))
                .isEqualTo(event.type().topic());
    }

    @Test
    void setsAsideAnEventBreakingAFieldLimitThatCameByAnotherPathAndKeepsTheCardClean() {
        pipe(exception("ZYW8890", 1, "fine"));
        CardEvent nul = exception("ZYW8890", 2, "left at the door\u0000");
        CardEvent longId = CardEvent.of(
                EventType.DELIVERED,
                "ZYW8890",
                null,
                Instant.parse("2023-11-13T10:00:00Z"),
                null,
                "P".repeat(129),
                EventSource.api("default", "test"));
        CardEvent longCode = CardEvent.of(
                EventType.DELIVERY_EXCEPTION,
                "ZYW8890",
                null,
                Instant.parse("2023-11-13T11:00:00Z"),
                null,
                "R".repeat(129),
                "A4",
                EventSource.api("default", "test"));
        pipe(nul);
        pipe(longId);
        pipe(longCode);
        pipe(exception("ZYW8890", 3, "fine again"));

        assertThat(deadLetters.readRecordsToList())
                .extracting(TestRecord::value, CardStatusTopologyTests::reason)
                .containsExactly(
                        tuple(nul, "comment holds the control character \\u0000; no field may hold control characters"),
                        tuple(longId, "partner event ID is 129 characters long; at most 128 are accepted"),
                        tuple(longCode, "reason code is 129 characters long; at most 128 are accepted"));
        List<byte[]> published = rawStatuses.readValuesToList();
        assertThat(published).hasSize(2);
        assertThat(status(published.get(1)).history())
                .extracting(CardStatus.HistoryEntry::comment)
                .containsExactly("fine", "fine again");
    }

    @Test
    void keepsAThousandEventsPerCardCompactsTheOldestAndNeverRefusesANewerOne() {
        for (int i = 0; i < 1_050; i++) {
            pipe(exception("ZYW8890", i, "short"));
        }
        // contract §11.2: a genuine newer event after the bound becomes the status
        pipe(CardEvent.of(
                EventType.DELIVERED,
                "ZYW8890",
                "+971585949014",
                Instant.parse("2023-11-12T12:00:00Z"),
                null,
                "D1",
                EventSource.api("default", "test")));

        List<byte[]> published = rawStatuses.readValuesToList();
        assertThat(published).hasSize(1_051);
        CardStatus last = status(published.get(1_050));
        assertThat(last.history()).hasSize(1_000);
        assertThat(last.status()).isEqualTo(EventType.DELIVERED);
        assertThat(last.phone()).isEqualTo("+971585949014");
        assertThat(last.deliveryExceptions()).isEqualTo(1_050);
        assertThat(last.attempts()).isEqualTo(1_051);
        assertThat(deadLetters.isEmpty()).isTrue();

        // a re-sent compacted event is answered as older than the kept window; a kept one is still a duplicate
        pipe(exception("ZYW8890", 7, "short"));
        pipe(exception("ZYW8890", 700, "short"));
        pipe(exception("ZYW7631", 1, "short"));
        assertThat(deadLetters.readRecordsToList()).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(exception("ZYW8890", 7, "short"));
            assertThat(reason(record)).contains("older than the kept window");
        });
        assertThat(statuses.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("ZYW7631");
    }

    @Test
    void keepsEveryCardsStateAndStatusWithinTheByteBudgetByCompacting() {
        // 1,000 three-byte characters per comment, which no rule maps, so each history entry also keeps it as its
        // raw_reason: the byte budget binds long before the event count
        String comment = "\u4e2d".repeat(1_000);
        int largest = 0;
        byte[] last = null;
        int published = 0;
        for (int i = 0; i < 400; i++) {
            pipe(exception("ZYW8890", i, comment));
            while (!rawStatuses.isEmpty()) {
                last = rawStatuses.readValue();
                published++;
                largest = Math.max(largest, last.length);
            }
        }

        assertThat(largest).isLessThanOrEqualTo(900_000);
        assertThat(storedStateBytes("ZYW8890")).isLessThanOrEqualTo(900_000);
        assertThat(published).isEqualTo(400);
        assertThat(status(last).history().size()).isBetween(60, 160);
        assertThat(status(last).deliveryExceptions()).isEqualTo(400);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    private static CardStatus status(byte[] json) {
        return new JsonSerde<>(CardStatus.class).deserializer().deserialize(Topics.STATUS, json);
    }

    private int storedStateBytes(String cardId) {
        Object stored = driver.getKeyValueStore(CardStatusTopology.STORE).get(cardId);
        return stored instanceof byte[] bytes ? bytes.length : -1;
    }

    private static String reason(TestRecord<String, CardEvent> record) {
        return header(record, "kafka_dlt-exception-message");
    }

    private static String header(TestRecord<String, CardEvent> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static CardEvent exception(String card, int n, String comment) {
        return CardEvent.of(
                EventType.DELIVERY_EXCEPTION,
                card,
                "+971534534534",
                Instant.parse("2023-11-12T10:00:00Z").plusSeconds(n),
                comment,
                "A" + n,
                EventSource.api("default", "test"));
    }

    @Test
    void keepsEachCardsStateInTheStore() {
        sampleEvents().forEach(this::pipe);

        List<Object> cards = new ArrayList<>();
        try (var all = driver.getKeyValueStore(CardStatusTopology.STORE).all()) {
            all.forEachRemaining(entry -> cards.add(entry.key));
        }

        assertThat(cards).containsExactlyInAnyOrder("ZYW8827", "ZYW8890", "ZYW7631");
    }

    private void pipe(CardEvent event) {
        TestInputTopic<String, CardEvent> topic = driver.createInputTopic(
                event.type().topic(),
                new StringSerializer(),
                JsonSerde.cardEvents().serializer());
        topic.pipeInput(event.cardId(), event);
    }

    private static void assertStatus(CardStatus status, EventType type, String at, String phone, int exceptions) {
        assertThat(status.status()).isEqualTo(type);
        assertThat(status.statusAt()).isEqualTo(Instant.parse(at));
        assertThat(status.phone()).isEqualTo(phone);
        assertThat(status.deliveryExceptions()).isEqualTo(exceptions);
    }

    /** The partner samples as events (times already in UTC). */
    private static List<CardEvent> sampleEvents() {
        return List.of(
                event(EventType.PICKED_UP, "ZYW8827", "+971585949014", "2023-11-12T19:59:00Z", "332"),
                event(EventType.PICKED_UP, "ZYW8890", "+971534534534", "2023-11-11T23:45:00Z", "465"),
                event(EventType.PICKED_UP, "ZYW7631", "+971545576586", "2023-11-13T07:02:00Z", "878"),
                event(EventType.DELIVERY_EXCEPTION, "ZYW8890", "+971534534534", "2023-11-13T10:00:00Z", "A982"),
                event(EventType.DELIVERY_EXCEPTION, "ZYW7631", "+971545576586", "2023-11-13T12:00:00Z", "A073"),
                event(EventType.DELIVERED, "ZYW8827", "+971585949014", "2023-11-13T09:34:56Z", "A883"),
                event(EventType.DELIVERED, "ZYW7631", "+971545576586", "2023-11-14T12:34:56Z", "A073"),
                event(EventType.RETURNED, "ZYW8890", null, "2023-11-14T08:00:00Z", "A982"));
    }

    private static CardEvent event(EventType type, String card, String phone, String at, String partnerId) {
        return CardEvent.of(type, card, phone, Instant.parse(at), null, partnerId, EventSource.api("default", "test"));
    }
}
