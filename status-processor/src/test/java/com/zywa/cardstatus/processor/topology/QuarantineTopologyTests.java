package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardCommand;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardQuarantine;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.fold.CardStateCodec;
import com.zywa.cardstatus.fold.FoldedEvent;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ownership and quarantine in the fold (contract §11.1): another partner's event waits for ops, who decide it. */
class QuarantineTopologyTests {

    private static final Instant AT = Instant.parse("2023-11-12T10:00:00Z");

    private TopologyTestDriver driver;
    private TestOutputTopic<String, CardStatus> statuses;
    private TestOutputTopic<String, CardQuarantine> quarantines;
    private TestOutputTopic<String, CardEvent> deadLetters;
    private TestInputTopic<String, CardCommand> commands;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        CardStatusTopology.build(builder, FoldReasons.fixed(ReasonMappingFile.shippedDefault()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "quarantine-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        statuses = driver.createOutputTopic(
                Topics.STATUS, new StringDeserializer(), new JsonSerde<>(CardStatus.class).deserializer());
        quarantines = driver.createOutputTopic(
                Topics.QUARANTINE, new StringDeserializer(), new JsonSerde<>(CardQuarantine.class).deserializer());
        deadLetters = driver.createOutputTopic(
                Topics.EVENTS_DLT,
                new StringDeserializer(),
                JsonSerde.cardEvents().deserializer());
        commands = driver.createInputTopic(
                Topics.COMMANDS, new StringSerializer(), new JsonSerde<>(CardCommand.class).serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void anotherPartnersEventIsQuarantinedKeptInTheStateAndFoldedWhenOpsAccept() {
        pipe(event(EventType.PICKED_UP, "ZYW8890", "default", 0, "+971534534534"));
        assertThat(statuses.readValuesToList()).hasSize(1);
        assertThat(quarantines.isEmpty())
                .as("a new card's first owner is not news")
                .isTrue();

        CardEvent foreign = event(EventType.DELIVERED, "ZYW8890", "swift", 60, "+971585949014");
        pipe(foreign);
        pipe(foreign);

        assertThat(statuses.isEmpty()).as("the card's status is unchanged").isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        CardQuarantine listed = quarantines.readValue();
        assertThat(listed.owner()).isEqualTo("default");
        assertThat(listed.events()).singleElement().satisfies(quarantined -> {
            assertThat(quarantined.eventId()).isEqualTo(foreign.eventId());
            assertThat(quarantined.status()).isEqualTo(EventType.DELIVERED);
            assertThat(quarantined.source().partner()).isEqualTo("swift");
        });
        assertThat(quarantines.isEmpty())
                .as("a copy of a quarantined event changes nothing")
                .isTrue();
        // the state store, whose changelog a restarted or rebuilt fold restores, holds it
        assertThat(stored("ZYW8890").quarantined())
                .extracting(FoldedEvent::eventId)
                .containsExactly(foreign.eventId());

        command(new CardCommand(CardCommand.Action.ACCEPT, "ZYW8890", foreign.eventId(), null, "ops-ana", AT));

        CardStatus accepted = statuses.readValue();
        assertThat(accepted.status()).isEqualTo(EventType.DELIVERED);
        assertThat(accepted.phone()).isEqualTo("+971585949014");
        assertThat(accepted.partner()).isEqualTo("swift");
        CardQuarantine handedOver = quarantines.readValue();
        assertThat(handedOver.owner()).isEqualTo("swift");
        assertThat(handedOver.events()).isEmpty();
        assertThat(stored("ZYW8890").owner()).isEqualTo("swift");

        // after the hand-over, the former owner's events wait for ops in turn
        pipe(event(EventType.RETURNED, "ZYW8890", "default", 120, null));
        assertThat(statuses.isEmpty()).isTrue();
        assertThat(quarantines.readValue().events()).hasSize(1);
    }

    @Test
    void discardDropsTheEventAndAssignChangesTheOwner() {
        pipe(event(EventType.PICKED_UP, "ZYW7631", "default", 0, "+971545576586"));
        CardEvent foreign = event(EventType.DELIVERY_EXCEPTION, "ZYW7631", "swift", 60, null);
        pipe(foreign);
        statuses.readValuesToList();
        quarantines.readValuesToList();

        command(new CardCommand(CardCommand.Action.DISCARD, "ZYW7631", foreign.eventId(), null, "ops-ana", AT));
        assertThat(quarantines.readValue().events()).isEmpty();
        assertThat(statuses.isEmpty()).isTrue();
        assertThat(stored("ZYW7631").quarantined()).isEmpty();
        assertThat(stored("ZYW7631").events()).hasSize(1);

        // a decision about an event the card does not hold changes nothing
        command(new CardCommand(CardCommand.Action.ACCEPT, "ZYW7631", foreign.eventId(), null, "ops-ana", AT));
        assertThat(quarantines.isEmpty()).isTrue();
        assertThat(statuses.isEmpty()).isTrue();

        command(new CardCommand(CardCommand.Action.ASSIGN, "ZYW7631", null, "swift", "ops-ana", AT));
        assertThat(quarantines.readValue().owner()).isEqualTo("swift");
        pipe(event(EventType.DELIVERED, "ZYW7631", "swift", 120, null));
        assertThat(statuses.readValue().status()).isEqualTo(EventType.DELIVERED);
    }

    @Test
    void aCardAssignedBeforeItsFirstEventBelongsToThatPartner() {
        command(new CardCommand(CardCommand.Action.ASSIGN, "ZYW1000", null, "swift", "ops-ana", AT));
        assertThat(statuses.isEmpty()).as("no events, no status").isTrue();

        pipe(event(EventType.PICKED_UP, "ZYW1000", "default", 0, null));

        assertThat(statuses.isEmpty()).isTrue();
        assertThat(quarantines.readValuesToList())
                .last()
                .satisfies(q -> assertThat(q.events()).hasSize(1));
    }

    @Test
    void beyondAHundredQuarantinedEventsTheOldestIsDroppedWithAReason() {
        pipe(event(EventType.PICKED_UP, "ZYW8890", "default", 0, null));
        for (int i = 1; i <= 101; i++) {
            pipe(event(EventType.DELIVERY_EXCEPTION, "ZYW8890", "swift", i, null));
        }

        assertThat(stored("ZYW8890").quarantined()).hasSize(100);
        List<TestRecord<String, CardEvent>> dropped = deadLetters.readRecordsToList();
        assertThat(dropped).singleElement().satisfies(record -> {
            assertThat(record.value().occurredAt()).isEqualTo(AT.plusSeconds(1));
            assertThat(new String(
                            record.headers()
                                    .lastHeader("kafka_dlt-exception-message")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("holds at most 100 quarantined events");
        });
    }

    private CardState stored(String cardId) {
        Object stored = driver.getKeyValueStore(CardStatusTopology.STORE).get(cardId);
        byte[] bytes =
                stored instanceof ValueAndTimestamp<?> timestamped ? (byte[]) timestamped.value() : (byte[]) stored;
        return CardStateCodec.decode(bytes);
    }

    private void command(CardCommand command) {
        commands.pipeInput(command.cardId(), command);
    }

    private void pipe(CardEvent event) {
        driver.createInputTopic(
                        event.type().topic(),
                        new StringSerializer(),
                        JsonSerde.cardEvents().serializer())
                .pipeInput(event.cardId(), event);
    }

    private static CardEvent event(EventType type, String card, String partner, int seconds, String phone) {
        return CardEvent.of(
                type, card, phone, AT.plusSeconds(seconds), null, partner + seconds, EventSource.api(partner, "test"));
    }
}
