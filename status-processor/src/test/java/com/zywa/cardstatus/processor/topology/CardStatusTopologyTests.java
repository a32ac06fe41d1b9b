package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardStatusTopologyTests {

    private TopologyTestDriver driver;
    private TestOutputTopic<String, CardStatus> statuses;
    private TestOutputTopic<String, CardEvent> deadLetters;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        CardStatusTopology.build(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        statuses = driver.createOutputTopic(Topics.STATUS, new StringDeserializer(),
                new JsonSerde<>(CardStatus.class).deserializer());
        deadLetters = driver.createOutputTopic(Topics.EVENTS_DLT, new StringDeserializer(),
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
        assertThat(latest.get("ZYW8890").history()).extracting(CardStatus.HistoryEntry::status)
                .containsExactly(EventType.PICKED_UP, EventType.DELIVERY_EXCEPTION, EventType.RETURNED);
    }

    @Test
    void versionsOfACardGrowWithEveryChange() {
        sampleEvents().stream().filter(event -> event.cardId().equals("ZYW7631")).forEach(this::pipe);

        assertThat(statuses.readValuesToList()).extracting(CardStatus::version).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aLateOlderEventKeepsTheNewerStatus() {
        List<CardEvent> card = sampleEvents().stream().filter(event -> event.cardId().equals("ZYW7631")).toList();
        pipe(card.get(2));
        pipe(card.get(0));

        CardStatus last = statuses.readValuesToList().get(1);
        assertThat(last.status()).isEqualTo(EventType.DELIVERED);
        assertThat(last.history()).hasSize(2);
    }

    @Test
    void setsAsideAnEventKeyedByAnotherCard() {
        CardEvent event = sampleEvents().get(0);
        driver.createInputTopic(event.type().topic(), new StringSerializer(), JsonSerde.cardEvents().serializer())
                .pipeInput("WRONG-KEY", event);

        assertThat(statuses.isEmpty()).isTrue();
        assertThat(deadLetters.readKeyValue().value).isEqualTo(event);
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
        TestInputTopic<String, CardEvent> topic = driver.createInputTopic(event.type().topic(),
                new StringSerializer(), JsonSerde.cardEvents().serializer());
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
