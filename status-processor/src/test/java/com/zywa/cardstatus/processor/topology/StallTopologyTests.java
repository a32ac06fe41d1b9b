package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStalled;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import com.zywa.cardstatus.fold.StallRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stalls on the wall clock (contract §13), driven through the topology with the test driver's clock. */
class StallTopologyTests {

    private static final Instant NOW = Instant.parse("2023-11-20T12:00:00Z");
    private static final Duration CHECK = Duration.ofSeconds(15);

    private TopologyTestDriver driver;
    private TestOutputTopic<String, CardStatus> statuses;
    private TestOutputTopic<String, byte[]> stalls;

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aPickUpFourDaysOldAndAnExceptionThreeDaysOldStallOnceAtTheFirstLookAndNothingElse() throws Exception {
        start(StallRules.DEFAULTS);
        pipe(event(EventType.PICKED_UP, "PICK4", NOW.minus(Duration.ofDays(4))));
        pipe(event(EventType.PICKED_UP, "EXC3", NOW.minus(Duration.ofDays(5))));
        pipe(event(EventType.DELIVERY_EXCEPTION, "EXC3", NOW.minus(Duration.ofDays(3))));
        pipe(event(EventType.PICKED_UP, "PICK1", NOW.minus(Duration.ofDays(1))));
        pipe(event(EventType.DELIVERED, "DONE", NOW.minus(Duration.ofDays(9))));
        statuses.readValuesToList();

        driver.advanceWallClockTime(CHECK);

        List<CardStatus> stalled = statuses.readValuesToList();
        assertThat(stalled).extracting(CardStatus::cardId).containsExactlyInAnyOrder("PICK4", "EXC3");
        assertThat(stalled)
                .filteredOn(status -> status.cardId().equals("PICK4"))
                .singleElement()
                .satisfies(status -> {
                    assertThat(status.stalledSince()).isEqualTo(NOW.minus(Duration.ofDays(1)));
                    assertThat(status.version()).isEqualTo(2);
                    assertThat(status.asOf()).isEqualTo(NOW.plus(CHECK));
                });
        List<TestRecord<String, byte[]>> events = stalls.readRecordsToList();
        assertThat(events).extracting(TestRecord::key).containsExactlyInAnyOrder("PICK4", "EXC3");
        TestRecord<String, byte[]> exception = events.stream()
                .filter(record -> record.key().equals("EXC3"))
                .findFirst()
                .orElseThrow();
        CardStalled event = Json.MAPPER.readValue(exception.value(), CardStalled.class);
        assertThat(event.type()).isEqualTo("com.zywa.card.stalled");
        assertThat(event.subject()).isEqualTo("EXC3");
        assertThat(event.data().status()).isEqualTo(EventType.DELIVERY_EXCEPTION);
        assertThat(event.data().stalledSince()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(new String(exception.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");

        driver.advanceWallClockTime(CHECK);
        assertThat(stalls.isEmpty()).as("a card stalls once").isTrue();
        assertThat(statuses.isEmpty()).isTrue();
    }

    @Test
    void theCardsNextEventClearsTheStallAndACardStallsWhenItsTimeComesWithNoEvent() {
        start(StallRules.DEFAULTS);
        pipe(event(EventType.PICKED_UP, "PICK4", NOW.minus(Duration.ofDays(4))));
        pipe(event(EventType.PICKED_UP, "PICK1", NOW.minus(Duration.ofDays(1))));
        driver.advanceWallClockTime(CHECK);
        statuses.readValuesToList();
        stalls.readRecordsToList();

        pipe(event(EventType.DELIVERED, "PICK4", NOW));
        assertThat(statuses.readValue().stalledSince()).as("cleared").isNull();

        driver.advanceWallClockTime(Duration.ofDays(2));
        assertThat(stalls.readRecordsToList()).extracting(TestRecord::key).containsExactly("PICK1");
        assertThat(statuses.readValue().stalledSince()).isEqualTo(NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void rulesGivenByConfigurationDecideWhoStalls() {
        start(new StallRules(
                Map.of(EventType.PICKED_UP, Duration.ofDays(5)),
                Map.of("swiftpost", Map.of(EventType.PICKED_UP, Duration.ofDays(1)))));
        pipe(event(EventType.PICKED_UP, "PICK4", NOW.minus(Duration.ofDays(4))));
        pipe(event(EventType.PICKED_UP, "SWIFT2", NOW.minus(Duration.ofDays(2)), "swiftpost"));
        pipe(event(EventType.DELIVERY_EXCEPTION, "EXC3", NOW.minus(Duration.ofDays(3))));

        driver.advanceWallClockTime(CHECK);

        assertThat(stalls.readRecordsToList()).extracting(TestRecord::key).containsExactly("SWIFT2");
    }

    private void start(StallRules rules) {
        StreamsBuilder builder = new StreamsBuilder();
        CardStatusTopology.build(
                builder, FoldReasons.fixed(ReasonMappingFile.shippedDefault()), new StallSchedule(rules, CHECK, 1_000));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "stall-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config, NOW);
        statuses = driver.createOutputTopic(
                Topics.STATUS, new StringDeserializer(), new JsonSerde<>(CardStatus.class).deserializer());
        stalls = driver.createOutputTopic(Topics.STALLED, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void pipe(CardEvent event) {
        driver.createInputTopic(
                        event.type().topic(),
                        new StringSerializer(),
                        JsonSerde.cardEvents().serializer())
                .pipeInput(event.cardId(), event, NOW);
    }

    private static CardEvent event(EventType type, String card, Instant at) {
        return event(type, card, at, "default");
    }

    private static CardEvent event(EventType type, String card, Instant at, String partner) {
        return CardEvent.of(type, card, null, at, null, UUID.randomUUID().toString(), EventSource.api(partner, "t"));
    }
}
