package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.ReasonMapping;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fold's part of contract §10 through the real topology: every history entry gets its reason, action and source,
 * the card its partner, attempts and {@code as_of}; the mapping in force when a card changes decides, so a new
 * mapping maps new events without a restart; unmapped events are reported once; v1 records and v1 state still fold.
 */
class ReasonsTopologyTests {

    private static final ReasonMapping SWIFT = ReasonMappingFile.parse("""
            partners:
              swift:
                codes: {NH: RECIPIENT_UNAVAILABLE}
            """);

    private final List<String> unmapped = new ArrayList<>();
    private ReasonMapping mapping = ReasonMappingFile.shippedDefault();
    private TopologyTestDriver driver;
    private TestOutputTopic<String, CardStatus> statuses;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        CardStatusTopology.build(builder, new FoldReasons() {
            @Override
            public ReasonMapping mapping() {
                return mapping;
            }

            @Override
            public void unmapped(String partner) {
                unmapped.add(partner);
            }
        });
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reasons-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        statuses = driver.createOutputTopic(
                Topics.STATUS, new StringDeserializer(), new JsonSerde<>(CardStatus.class).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void eachHistoryEntryHasItsReasonActionAndSourceAndTheCardItsPartnerAttemptsAndAsOf() {
        EventSource exceptions = EventSource.upload("default", "u-2", "Delivery exceptions.csv", 2, "ops");
        pipe(event(EventType.PICKED_UP, "2023-11-11T23:45:00Z", null, null, "default"), "2023-11-15T10:00:00Z");
        pipe(
                CardEvent.of(
                        EventType.DELIVERY_EXCEPTION,
                        "ZYW8890",
                        null,
                        Instant.parse("2023-11-13T10:00:00Z"),
                        "User not available",
                        "A982",
                        exceptions),
                "2023-11-15T10:00:01Z");
        pipe(event(EventType.RETURNED, "2023-11-14T08:00:00Z", null, null, "default"), "2023-11-15T09:00:00Z");

        CardStatus status = last();
        CardStatus.HistoryEntry exception = status.history().get(1);
        assertThat(exception.reason()).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(exception.actionRequired()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(exception.source()).isEqualTo(exceptions);
        assertThat(exception.partnerEventId()).isEqualTo("A982");
        assertThat(status.reason()).isEqualTo(Reason.OTHER);
        assertThat(status.actionRequired()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(status.attempts()).isEqualTo(1);
        assertThat(status.partner()).isEqualTo("default");
        assertThat(status.asOf())
                .as("never before the change accepted before it, whatever the records' order")
                .isEqualTo(Instant.parse("2023-11-15T10:00:01Z"));
        assertThat(unmapped).as("nothing the mapping could not map").isEmpty();
    }

    @Test
    void aNewMappingMapsEventsFoldedAfterItWithoutARestartAndUnmappedOnesAreReportedOnce() {
        CardEvent first = event(EventType.DELIVERY_EXCEPTION, "2023-11-13T10:00:00Z", "NH", "A1", "swift");
        CardEvent copyWithAPhone = new CardEvent(
                first.eventId(),
                first.type(),
                first.cardId(),
                "+971534534534",
                first.occurredAt(),
                null,
                "NH",
                null,
                "A1",
                first.source());
        pipe(first, "2023-11-15T10:00:00Z");
        pipe(first, "2023-11-15T10:00:01Z");
        pipe(copyWithAPhone, "2023-11-15T10:00:02Z");

        CardStatus before = last();
        assertThat(before.reason()).isEqualTo(Reason.OTHER);
        assertThat(before.rawReason()).isEqualTo("NH");
        assertThat(before.phone()).as("the copy changed the card").isEqualTo("+971534534534");
        assertThat(unmapped).as("copies are not counted again").containsExactly("swift");

        mapping = SWIFT;
        pipe(event(EventType.DELIVERY_EXCEPTION, "2023-11-13T12:00:00Z", "NH", "A2", "swift"), "2023-11-15T11:00:00Z");

        CardStatus status = last();
        assertThat(status.history())
                .extracting(CardStatus.HistoryEntry::reason)
                .containsExactly(Reason.RECIPIENT_UNAVAILABLE, Reason.RECIPIENT_UNAVAILABLE);
        assertThat(status.actionRequired()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(unmapped).containsExactly("swift");
    }

    @Test
    void aV1EventIsUpcastItsReasonDerivedFromItsComment() {
        String v1 = "{\"event_id\":\"64387d6a-9bae-5936-8768-fed348ad6df9\",\"type\":\"DELIVERY_EXCEPTION\","
                + "\"card_id\":\"ZYW8890\",\"phone\":\"+971539000001\",\"occurred_at\":\"2023-11-13T10:00:00Z\","
                + "\"comment\":\"User not available\",\"partner_event_id\":\"A982\",\"source\":{\"partner\":"
                + "\"default\",\"upload_id\":\"d46dd482-0cc5-42f8-be8e-32f7c53d66b1\",\"file\":\"Sample Card Status "
                + "Info - Delivery exceptions.csv\",\"line\":2,\"caller\":\"ops-test\"}}";
        driver.createInputTopic(EventType.DELIVERY_EXCEPTION.topic(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("ZYW8890", v1.getBytes(StandardCharsets.UTF_8));

        CardStatus status = last();
        assertThat(status.reason()).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(status.history().get(0).source().line()).isEqualTo(2);
    }

    @Test
    void aCardStoredInFormatOneFoldsOnItsEventsKeepingThemWithoutSources() throws IOException {
        UUID pickedUp = UUID.randomUUID();
        driver.<String, byte[]>getTimestampedKeyValueStore(CardStatusTopology.STORE)
                .put("ZYW8890", ValueAndTimestamp.make(formatOne("ZYW8890", pickedUp), 1_700_000_000_000L));

        pipe(event(EventType.DELIVERED, "2023-11-14T08:00:00Z", null, "A3", "default"), "2023-11-15T10:00:00Z");

        CardStatus status = last();
        assertThat(status.version()).isEqualTo(2);
        assertThat(status.history())
                .extracting(CardStatus.HistoryEntry::status)
                .containsExactly(EventType.PICKED_UP, EventType.DELIVERED);
        assertThat(status.history().get(0).source()).isNull();
        assertThat(status.attempts()).isEqualTo(1);
    }

    /** One picked-up event in format 1, as the changelog of the fold before contract §10 holds it. */
    private static byte[] formatOne(String card, UUID id) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF(card);
            out.writeLong(1);
            out.writeShort(1);
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
            out.writeByte(EventType.PICKED_UP.ordinal());
            out.writeLong(Instant.parse("2023-11-11T23:45:00Z").getEpochSecond());
            out.writeInt(0);
            out.writeBoolean(true);
            out.writeUTF("+971534534534");
            out.writeBoolean(false);
            out.writeBoolean(true);
            out.writeUTF("465");
        }
        return bytes.toByteArray();
    }

    private CardStatus last() {
        List<CardStatus> all = statuses.readValuesToList();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private void pipe(CardEvent event, String acceptedAt) {
        driver.createInputTopic(
                        event.type().topic(),
                        new StringSerializer(),
                        JsonSerde.cardEvents().serializer())
                .pipeInput(event.cardId(), event, Instant.parse(acceptedAt));
    }

    private static CardEvent event(EventType type, String at, String code, String partnerId, String partner) {
        return CardEvent.of(
                type, "ZYW8890", null, Instant.parse(at), null, code, partnerId, EventSource.api(partner, "test"));
    }
}
