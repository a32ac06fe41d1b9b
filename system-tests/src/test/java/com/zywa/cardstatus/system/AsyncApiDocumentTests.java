package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.TopicSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code docs/asyncapi.yaml} describes exactly the topics the services create, kept as they are created, each written
 * and read by someone, and its schemas are strict enough that a record of another shape does not pass.
 */
class AsyncApiDocumentTests {

    /** Partners' CloudEvents topic: documented ahead of the code that creates and reads it (being added elsewhere). */
    private static final String INBOUND_AHEAD_OF_CODE = "partner.events";

    private final AsyncApiContract contract = AsyncApiContract.load();

    @Test
    void everyTopicTheServicesCreateHasAChannelAndEveryChannelATopic() throws IllegalAccessException {
        Set<String> created =
                defaultSettings().newTopics().stream().map(NewTopic::name).collect(Collectors.toSet());
        Set<String> named = topicConstants();
        Set<String> documented = contract.channels().keySet();

        assertThat(documented).containsAll(created).containsAll(named);
        Set<String> documentedOnly = new TreeSet<>(documented);
        documentedOnly.removeAll(created);
        if (!named.contains(INBOUND_AHEAD_OF_CODE)) {
            // tolerated only until Topics names the inbound topic; from then on it must be created like every other
            documentedOnly.remove(INBOUND_AHEAD_OF_CODE);
        }
        // each partner's own topic (contract §11.3), created by ingest for the partners it is configured with
        assertThat(documentedOnly.remove(Topics.partnerEvents("{partner}")))
                .as("the partners' own topics' channel")
                .isTrue();
        assertThat(documentedOnly).as("channels of topics no service creates").isEmpty();
    }

    @Test
    void eachChannelSaysHowItsTopicKeepsRecordsAsTopicSettingsCreatesIt() {
        for (NewTopic topic : defaultSettings().newTopics()) {
            assertThat(contract.channels()).as("channels").containsKey(topic.name());
            JsonNode kafka =
                    contract.channels().get(topic.name()).path("bindings").path("kafka");
            Map<String, String> configs = topic.configs();
            assertThat(kafka.path("topic").asString()).isEqualTo(topic.name());
            assertThat(kafka.path("topicConfiguration")
                            .path("cleanup.policy")
                            .get(0)
                            .asString())
                    .as(topic.name())
                    .isEqualTo(configs.getOrDefault("cleanup.policy", "delete"));
            JsonNode retention = kafka.path("topicConfiguration").path("retention.ms");
            assertThat(retention.isMissingNode() ? null : retention.asString())
                    .as(topic.name())
                    .isEqualTo(configs.get("retention.ms"));
        }
    }

    @Test
    void everyChannelIsWrittenAndReadByTheApplicationsItNames() {
        contract.document().path("channels").properties().forEach(channel -> {
            for (String action : List.of("send", "receive")) {
                Set<String> doers = new HashSet<>();
                contract.document().path("operations").forEach(operation -> {
                    if (operation.path("action").asString().equals(action)
                            && operation
                                    .path("channel")
                                    .path("$ref")
                                    .asString()
                                    .equals("#/channels/" + channel.getKey())) {
                        operation
                                .path("tags")
                                .forEach(tag -> doers.add(tag.path("name").asString()));
                    }
                });
                Set<String> named = new HashSet<>();
                channel.getValue()
                        .path(action.equals("send") ? "x-written-by" : "x-read-by")
                        .forEach(name -> named.add(name.asString()));
                assertThat(doers)
                        .as(action + " " + channel.getKey())
                        .isNotEmpty()
                        .isEqualTo(named);
            }
        });
    }

    @Test
    void theDocumentsExamplesConformToTheirMessages() {
        contract.document().path("components").path("messages").properties().forEach(message -> {
            String pointer = "/components/messages/" + message.getKey();
            for (int i = 0; i < message.getValue().path("examples").size(); i++) {
                String example = pointer + "/examples/" + i;
                assertThat(contract.schema(pointer + "/headers")
                                .validate(contract.document().at(example + "/headers")))
                        .as(example)
                        .isEmpty();
                assertThat(contract.schema(pointer + "/payload")
                                .validate(contract.document().at(example + "/payload")))
                        .as(example)
                        .isEmpty();
            }
        });
    }

    @Test
    void anEventAsTheIngestSerdeWritesItConformsAndOneOfAnotherShapeDoesNot() {
        CardEvent event = CardEvent.of(
                EventType.DELIVERED,
                "ZYW8827",
                "+971585949014",
                Instant.parse("2023-11-13T09:34:56Z"),
                "left at door",
                "A883",
                EventSource.api("default", "partner"));
        String json = new String(JsonSerde.cardEvents().serializer().serialize(null, event), StandardCharsets.UTF_8);

        assertThat(contract.conform(record("card.delivered", "ZYW8827", json)).message())
                .isEqualTo("delivered");
        assertThat(contract.conform(record("card.delivered", "ZYW8827", json.replace("\"card_id\"", "\"cardId\"")))
                        .message())
                .as("a renamed field")
                .isNull();
        assertThat(contract.conform(record("card.picked-up", "ZYW8827", json)).message())
                .as("on another type's topic")
                .isNull();
        assertThat(contract.conform(record("card.delivered", "ZYW8827", json.replace("+971585949014", "0585949014")))
                        .message())
                .as("a phone not in E.164")
                .isNull();
        ConsumerRecord<byte[], byte[]> typed = record("card.delivered", "ZYW8827", json);
        typed.headers().add("__TypeId__", "com.zywa.cardstatus.contract.CardEvent".getBytes(StandardCharsets.UTF_8));
        assertThat(contract.conform(typed).message()).as("a type header").isNull();
    }

    @Test
    void aStatusAsTheFoldWritesItConformsAndOneWithAnUnknownStatusDoesNot() {
        Instant at = Instant.parse("2023-11-13T09:34:56.123Z");
        CardStatus status = new CardStatus(
                "ZYW8827",
                EventType.DELIVERED,
                at,
                null,
                null,
                null,
                null,
                null,
                ActionRequired.NONE,
                0,
                1,
                "default",
                3,
                at,
                List.of(new CardStatus.HistoryEntry(
                        EventType.DELIVERED,
                        at,
                        null,
                        null,
                        null,
                        null,
                        ActionRequired.NONE,
                        "A883",
                        EventSource.upload(
                                "default", "3d06a48d-a9b9-4c47-b01e-8593744ce816", "delivered.csv", 2, "ops"))));
        String json = new String(
                new JsonSerde<>(CardStatus.class).serializer().serialize(null, status), StandardCharsets.UTF_8);

        assertThat(contract.conform(record(Topics.STATUS, "ZYW8827", json)).message())
                .isEqualTo("cardStatus");
        assertThat(contract.conform(record(Topics.STATUS, "ZYW8827", json.replace("\"DELIVERED\"", "\"LOST\"")))
                        .message())
                .isNull();
        assertThat(contract.conform(record(Topics.STATUS, "ZYW8827", json.replace("\"NONE\"", "\"CALL_SOMEONE\"")))
                        .message())
                .as("an action outside the taxonomy")
                .isNull();
    }

    @Test
    void partnerCloudEventsConformInBinaryAndStructuredModeAndAnUnknownTypeDoesNot() {
        ConsumerRecord<byte[], byte[]> binary = record(
                INBOUND_AHEAD_OF_CODE, "ZYW8827", "{\"phone\":\"0585949014\",\"comment\":\"left with the concierge\"}");
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        "A883",
                        "ce_source",
                        "/partners/default",
                        "ce_type",
                        "com.zywa.card.delivered",
                        "ce_time",
                        "2023-11-13T13:34:56+04:00",
                        "ce_subject",
                        "ZYW8827",
                        "content-type",
                        "application/json")
                .forEach((name, value) -> binary.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        ConsumerRecord<byte[], byte[]> structured = record(
                INBOUND_AHEAD_OF_CODE,
                "ZYW8827",
                "{\"specversion\":\"1.0\","
                        + "\"id\":\"A880\",\"source\":\"/partners/default\",\"type\":\"com.zywa.card.picked-up\","
                        + "\"time\":\"2023-11-12T19:59:00Z\",\"subject\":\"ZYW8827\",\"datacontenttype\":\"application/json\","
                        + "\"data\":{\"phone\":\"+971585949014\",\"comment\":null}}");
        structured.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));

        assertThat(contract.conform(binary).message()).isEqualTo("partnerEventBinary");
        assertThat(contract.conform(structured).message()).isEqualTo("partnerEventStructured");
        binary.headers().remove("ce_type");
        binary.headers().add("ce_type", "com.zywa.card.lost".getBytes(StandardCharsets.UTF_8));
        assertThat(contract.conform(binary).message()).isNull();
    }

    static ConsumerRecord<byte[], byte[]> record(String topic, String key, String value) {
        return new ConsumerRecord<>(
                topic,
                0,
                0,
                0,
                TimestampType.CREATE_TIME,
                0,
                0,
                key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(),
                Optional.empty());
    }

    /** The topic settings every service starts with when nothing is configured. */
    private static TopicSettings defaultSettings() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("cardstatus.topics", TopicSettings.class);
    }

    /** Every topic {@link Topics} names: its constants and the event topics. */
    private static Set<String> topicConstants() throws IllegalAccessException {
        Set<String> names = new HashSet<>(Topics.eventTopics());
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }
}
