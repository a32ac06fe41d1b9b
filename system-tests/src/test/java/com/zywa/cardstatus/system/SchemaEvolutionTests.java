package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.CardStatusDeserializer;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import com.zywa.cardstatus.formats.events.CloudEventMapping;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Records written before contract §10 (schema version 1, kept under {@code records/v1/}) are valid and read forever,
 * and today's (version 2) would not break a version 1 reader: FULL_TRANSITIVE in Schema Registry's terms. A renamed,
 * removed or newly required field, or a changed type, fails here, both on the kept records and on the schemas.
 */
class SchemaEvolutionTests {

    private static final int EARLIER = 1;

    private final AsyncApiContract contract = AsyncApiContract.load();

    @Test
    void keepsARecordOfTheEarlierVersionOfEveryTopicAndOfEveryMessageThatChanged() {
        Set<String> kept = new TreeSet<>();
        ExampleRecords.of(EARLIER).forEach(example -> kept.add(example.topic() + " " + example.message()));

        // a topic added after the earlier version (x-schema-introduced: its first version) has no earlier record
        List<String> earlierTopics = contract.channels().entrySet().stream()
                .filter(channel ->
                        channel.getValue().path("x-schema-introduced").asInt(EARLIER) <= EARLIER)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(kept.stream().map(name -> name.split(" ")[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(earlierTopics);
        versionedMessages().forEach((message, topic) -> assertThat(kept).contains(topic + " " + message));
    }

    @Test
    void everyEarlierRecordIsStillValidAsTheMessageItWasUnderTodaysSchemas() {
        for (ExampleRecords.Example example : ExampleRecords.of(EARLIER)) {
            AsyncApiContract.Conformance conformance = contract.conform(example.record());

            assertThat(conformance.message())
                    .as(example.file() + ": " + conformance.problems())
                    .isEqualTo(example.message());
        }
    }

    @Test
    void todaysReadersReadEveryEarlierRecordAndFoldAV1EventsReasonFromItsComment() {
        List<CardEvent> events = new ArrayList<>();
        for (String type : List.of("pickedUp", "deliveryException", "returned")) {
            events.add(event(type));
        }
        CardState card = CardState.empty(events.get(0).cardId());
        for (CardEvent event : events) {
            card = card.apply(event);
        }
        CardStatus folded = card.toStatus(ReasonMappingFile.shippedDefault(), Instant.EPOCH);
        CardStatus status = new CardStatusDeserializer().deserialize(Topics.STATUS, bytes("card.status", "cardStatus"));

        assertThat(events).allSatisfy(event -> assertThat(event.rawReason()).isNull());
        assertThat(folded.history().get(1).reason()).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(folded.history().get(1).actionRequired()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(folded.history().get(1).source().line()).isEqualTo(2);
        assertThat(status.version()).isEqualTo(3);
        assertThat(status.reason()).isNull();
        assertThat(status.history())
                .hasSize(3)
                .allSatisfy(entry -> assertThat(entry.source()).isNull());
        assertThat(event("delivered").source().caller()).isEqualTo("partner-default-test");
        assertThat(JsonSerde.cardEvents().deserializer().deserialize("t", bytes("card.events.DLT", "setAsideEvent")))
                .isNotNull();
        assertThat(new CardStatusDeserializer().deserialize("t", bytes("card.status.DLT", "refusedStatus")))
                .isNotNull();
        assertThat(Json.MAPPER
                        .readValue(bytes("card.rejects", "rejectedRow"), RejectedRow.class)
                        .line())
                .isEqualTo(3);
        for (String message : List.of("partnerEventBinary", "partnerEventStructured")) {
            ConsumerRecord<byte[], byte[]> record =
                    example("partner.events", message).record();
            CloudEventMapping.Read read = CloudEventMapping.read(
                    () -> KafkaMessageFactory.createReader(record).toEvent(), () -> "");
            assertThat(read.candidate().refusal()).as(message).isNull();
        }
    }

    @Test
    void todaysRecordsAreValidUnderTodaysSchemasAndUnderEachEarlierOneReadAsItsReadersDo() {
        EventSource kafka = EventSource.kafka("default", "kafka:partner.events", Topics.PARTNER_EVENTS, 2, 41);
        CardEvent exception = CardEvent.of(
                EventType.DELIVERY_EXCEPTION,
                "ZYW8890",
                "+971534534534",
                Instant.parse("2023-11-13T10:00:00Z"),
                "could not verify the ID",
                "ID_VERIFICATION_FAILED",
                "A982",
                kafka);
        CardStatus status = CardState.empty("ZYW8890")
                .apply(exception)
                .toStatus(ReasonMappingFile.shippedDefault(), Instant.parse("2023-11-15T10:00:00Z"));
        Map<String, String> today = new LinkedHashMap<>();
        today.put(
                "deliveryException",
                new String(JsonSerde.cardEvents().serializer().serialize("t", exception)));
        today.put("setAsideEvent", today.get("deliveryException"));
        today.put(
                "cardStatus",
                new String(new JsonSerde<>(CardStatus.class).serializer().serialize("t", status)));
        today.put("refusedStatus", today.get("cardStatus"));
        today.put("partnerEventBinary", "{\"phone\":\"0534534534\",\"comment\":null,\"reason\":\"NH\"}");

        today.forEach((message, json) -> {
            JsonNode value = Json.MAPPER.readTree(json);
            String pointer = "/components/messages/" + message;
            assertThat(contract.schema(pointer + "/payload").validate(value))
                    .as(message + " today")
                    .isEmpty();
            assertThat(contract.schemaAllowingUnknownFields(pointer + "/x-schema-versions/earlier/0/payload")
                            .validate(value))
                    .as(message + " read by a version " + EARLIER + " reader")
                    .isEmpty();
        });
    }

    /**
     * The one change of issue 28 that is not additive (CHANGELOG): {@code phone} carries the phone sealed. Today's
     * schemas accept both forms; a version 1 reader that checks the phone's E.164 form refuses the sealed one, and
     * nothing else of the record.
     */
    @Test
    void aSealedPhoneIsValidTodayAndOnlyItsFormIsNewToAVersion1Reader() {
        String sealed = "pd1.4610900d-9828-4b54-a8f9-f1ee6c65e66a.jIzW-BiAc5Jz-GD22zw6gbB_Oo3kCIpe89-sVkjbdy9Fvg";
        CardEvent picked = CardEvent.of(
                EventType.PICKED_UP,
                "ZYW8827",
                sealed,
                Instant.parse("2023-11-12T19:59:00Z"),
                null,
                "A880",
                EventSource.api("default", "partner-default"));
        CardStatus status = CardState.empty("ZYW8827")
                .apply(picked)
                .toStatus(ReasonMappingFile.shippedDefault(), Instant.parse("2023-11-13T10:00:00Z"));
        Map<String, String> today = new LinkedHashMap<>();
        today.put("pickedUp", new String(JsonSerde.cardEvents().serializer().serialize("t", picked)));
        today.put(
                "cardStatus",
                new String(new JsonSerde<>(CardStatus.class).serializer().serialize("t", status)));

        today.forEach((message, json) -> {
            JsonNode value = Json.MAPPER.readTree(json);
            String pointer = "/components/messages/" + message;
            assertThat(value.get("phone").asString()).isEqualTo(sealed);
            assertThat(contract.schema(pointer + "/payload").validate(value))
                    .as(message + " today")
                    .isEmpty();
            assertThat(contract.schemaAllowingUnknownFields(pointer + "/x-schema-versions/earlier/0/payload")
                            .validate(value))
                    .as(message + " read by a version " + EARLIER + " reader that checks the phone's form")
                    .isNotEmpty()
                    .allSatisfy(error -> assertThat(error.toString()).contains("phone"));
        });
        JsonNode rejected = Json.MAPPER.readTree("""
                {"upload_id":null,"partner":"default","file":"api:partner-default","line":0,
                 "reason":"occurred_at: not a time","raw":"pdt1.ae7b4a06-f45c-440c-96d5-439a61d0ed69.AbC-_x"}""");
        assertThat(contract.schema("/components/messages/rejectedRow/payload").validate(rejected))
                .isEmpty();
    }

    @Test
    void noSchemaRenamesRemovesRetypesOrNewlyRequiresAField() throws IOException {
        List<String> breaks = new ArrayList<>();
        try (Stream<Path> files = Files.list(schemas().resolve("v" + EARLIER))) {
            for (Path earlier : files.sorted().toList()) {
                Path current = schemas().resolve(earlier.getFileName());
                compare(earlier.getFileName().toString(), read(earlier), read(current), breaks);
            }
        }

        assertThat(breaks)
                .as("changes an earlier record or reader would not survive")
                .isEmpty();
    }

    /** What {@code now} breaks of {@code then}, the same schema in two versions, walked in step. */
    private static void compare(String where, JsonNode then, JsonNode now, List<String> breaks) {
        if (then.has("type") && !then.path("type").equals(now.path("type"))) {
            breaks.add(where + ": type " + then.path("type") + " became " + now.path("type"));
        }
        if (then.has("enum")) {
            then.path("enum").forEach(value -> {
                if (!contains(now.path("enum"), value)) {
                    breaks.add(where + ": enum value " + value + " removed");
                }
            });
        }
        Set<String> required = names(then.path("required"));
        if (!names(now.path("required")).equals(required)) {
            breaks.add(where + ": required " + required + " became " + names(now.path("required")));
        }
        for (String name : List.of("properties", "definitions")) {
            then.path(name).properties().forEach(entry -> {
                if (!now.path(name).has(entry.getKey())) {
                    breaks.add(where + ": " + entry.getKey() + " removed or renamed");
                } else {
                    compare(
                            where + "." + entry.getKey(),
                            entry.getValue(),
                            now.path(name).get(entry.getKey()),
                            breaks);
                }
            });
        }
        if (then.has("items")) {
            compare(where + "[]", then.path("items"), now.path("items"), breaks);
        }
        for (String name : List.of("oneOf", "allOf")) {
            for (int i = 0; i < then.path(name).size(); i++) {
                compare(
                        where + "." + name + "[" + i + "]",
                        then.path(name).get(i),
                        now.path(name).path(i),
                        breaks);
            }
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Each message with earlier versions, and its topic (one that existed in the earlier version). */
    private Map<String, String> versionedMessages() {
        Map<String, String> messages = new LinkedHashMap<>();
        contract.channels().entrySet().stream()
                .filter(channel ->
                        channel.getValue().path("x-schema-introduced").asInt(EARLIER) <= EARLIER)
                .forEach(entry -> entry.getValue().path("messages").forEach(message -> {
                    String topic = entry.getKey();
                    String name = message.path("$ref").asString().replace("#/components/messages/", "");
                    if (contract.document()
                            .at("/components/messages/" + name + "/x-schema-versions")
                            .has("earlier")) {
                        messages.put(name, topic);
                    }
                }));
        return messages;
    }

    private static CardEvent event(String message) {
        return ExampleRecords.of(EARLIER).stream()
                .filter(example -> example.message().equals(message))
                .map(example -> JsonSerde.cardEvents()
                        .deserializer()
                        .deserialize("t", example.record().value()))
                .findFirst()
                .orElseThrow();
    }

    private static ExampleRecords.Example example(String topic, String message) {
        return ExampleRecords.of(EARLIER, topic, message).orElseThrow();
    }

    private static byte[] bytes(String topic, String message) {
        return example(topic, message).record().value();
    }

    private static Path schemas() {
        try {
            return Path.of(
                    SchemaEvolutionTests.class.getResource("/docs/schemas").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
