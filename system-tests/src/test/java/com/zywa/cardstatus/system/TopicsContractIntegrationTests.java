package com.zywa.cardstatus.system;

import static com.zywa.cardstatus.system.TopicReader.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Real records of every topic, made by one scenario on the running pipeline (the samples uploaded, a bad row, partner
 * events good and bad, poison records that reach both dead-letter topics, partner CloudEvents), each held to the
 * schemas {@code docs/asyncapi.yaml} gives its topic: every record conforms, and every message the document
 * describes is seen at least once.
 */
@ExtendWith(PipelineExtension.class)
class TopicsContractIntegrationTests {

    private static final Set<String> SET_ASIDE = Set.of("ZYWCTRCTL", "ZYWCTRGRB");
    private static final Set<String> STATUS_POISON = Set.of("ZYWCTRSX", "ZYWCTRSNUL");
    /** A card of the one partner the shared pipeline stalls, picked up long ago: it stalls (card.stalled). */
    private static final String STALLS = "ZYWCTRSTL";
    /** A card of partner default that fastcourier sends an event for: quarantined (card.quarantine), then ops assign it. */
    private static final String QUARANTINED = "ZYWCTRQ1";

    private final AsyncApiContract contract = AsyncApiContract.load();

    @Test
    void everyRecordOfEveryTopicConformsToTheSchemasTheDocumentGivesItsTopic(Pipeline pipeline) throws Exception {
        PipelineClient client = new PipelineClient(pipeline);
        TopicReader topics = new TopicReader(pipeline);
        SampleSet samples = SampleSet.next();
        Set<String> cards = new HashSet<>(List.of(
                samples.card("ZYW8827"),
                samples.card("ZYW8890"),
                samples.card("ZYW7631"),
                "ZYWCTRB1",
                "ZYWCTRE1",
                "ZYWCTRCE1",
                "ZYWCTRCE2",
                STALLS,
                QUARANTINED));
        Set<String> uploads = new HashSet<>();
        for (String file : SampleSet.FILES) {
            uploads.add(client.upload(samples, file).body().get("upload_id").asString());
        }
        uploads.add(client.upload(
                        "contract-pickup.csv",
                        bytes(
                                "ID,Card ID,User Mobile,Timestamp,Comment\r\n"
                                        + "B1,ZYWCTRB1,0501110001,12-11-2023 10:00,ok\r\nB2,,0501110002,12-11-2023 10:00,no card\r\n"),
                        Map.of())
                .body()
                .get("upload_id")
                .asString());
        PipelineClient.Answer events = client.postJson(
                pipeline.ingestUrl() + "/events",
                "[" + event("DELIVERED", "ZYWCTRE1", "E1") + "," + event("LOST", "ZYWCTRREJ", "E2") + "]");
        assertThat(events.body().get("rejected").asInt()).isEqualTo(1);
        writePoison(topics);
        List<ProducerRecord<byte[], byte[]>> inbound = writeCloudEvents(pipeline, topics);
        CardEvent stale = CardEvent.of(
                EventType.PICKED_UP,
                STALLS,
                null,
                Instant.parse("2023-11-01T08:00:00Z"),
                null,
                "S1",
                EventSource.api(Pipeline.STALL_PARTNER, "contract"));
        topics.writeInOneTransaction(List.of(new ProducerRecord<>(
                stale.type().topic(),
                bytes(STALLS),
                JsonSerde.cardEvents().serializer().serialize(stale.type().topic(), stale))));
        quarantine(pipeline, client, topics);
        client.awaitIdle();
        topics.awaitRecords(Topics.STALLED, record -> STALLS.equals(key(record)));
        topics.awaitRecords(Topics.EVENTS_DLT, record -> SET_ASIDE.contains(key(record)));
        topics.awaitRecords(Topics.STATUS_DLT, record -> STATUS_POISON.contains(key(record)));
        topics.awaitRecords(Topics.STATUS, record -> key(record).equals("ZYWCTRCE1"));
        topics.awaitRecords(
                Topics.REJECTS,
                record -> record.key() == null
                        && new String(record.value(), StandardCharsets.UTF_8).contains("ZYWCTRCE3"));

        Map<String, Set<String>> seen = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String topic : contract.channels().keySet()) {
            // a partner's own topic (partner.events.{partner}) is read as default's, partner.events.default
            String concrete = topic.replace("{partner}", "default");
            // ingest deletes what it consumed from the partner topics (contract §12): those are held to their
            // schemas as they were written
            List<ConsumerRecord<byte[], byte[]>> records = concrete.startsWith(Topics.PARTNER_EVENTS)
                    ? inbound.stream()
                            .filter(record -> record.topic().equals(concrete))
                            .map(TopicsContractIntegrationTests::asConsumed)
                            .toList()
                    : topics.read(concrete, ours(concrete, cards, uploads));
            for (ConsumerRecord<byte[], byte[]> record : records) {
                AsyncApiContract.Conformance conformance = contract.conform(record);
                if (conformance.message() == null) {
                    failures.add(topic + "-" + record.partition() + "@" + record.offset() + " (key " + key(record)
                            + "): " + conformance.problems());
                } else {
                    seen.computeIfAbsent(topic, t -> new TreeSet<>()).add(conformance.message());
                }
            }
        }

        assertThat(failures)
                .as("records that conform to no message of their channel")
                .isEmpty();
        assertThat(seen).as("messages seen on each topic").isEqualTo(documentedMessages());
    }

    /**
     * Another partner's event for a card of partner default, quarantined (a record on card.quarantine), then an ops
     * decision on card.commands (the owner assigned again: it changes nothing but is a command all the same).
     */
    private static void quarantine(Pipeline pipeline, PipelineClient client, TopicReader topics) {
        String event = "{\"type\":\"%s\",\"card_id\":\"" + QUARANTINED + "\",\"occurred_at\":\"%s\"}";
        assertThat(send(
                        pipeline,
                        client,
                        HttpMethod.POST,
                        "/events",
                        TestCredentials.PARTNER_KEY,
                        event.formatted("PICKED_UP", "2023-11-20T08:00:00Z")))
                .isEqualTo(200);
        topics.awaitRecords(Topics.STATUS, record -> QUARANTINED.equals(key(record)));
        assertThat(send(
                        pipeline,
                        client,
                        HttpMethod.POST,
                        "/events",
                        TestCredentials.FASTCOURIER_KEY,
                        event.formatted("DELIVERED", "2023-11-21T08:00:00Z")))
                .isEqualTo(200);
        topics.awaitRecords(Topics.QUARANTINE, record -> QUARANTINED.equals(key(record)));
        assertThat(send(
                        pipeline,
                        client,
                        HttpMethod.PUT,
                        "/api/v1/cards/" + QUARANTINED + "/owner",
                        TestCredentials.OPS_KEY,
                        "{\"owner\":\"default\"}"))
                .isEqualTo(202);
        topics.awaitRecords(Topics.COMMANDS, record -> QUARANTINED.equals(key(record)));
    }

    /** The status of a JSON request to ingest with {@code key}. */
    private static int send(
            Pipeline pipeline, PipelineClient client, HttpMethod method, String path, String key, String json) {
        return client.send(
                        method, pipeline.ingestUrl() + path, Map.of("X-API-Key", key), MediaType.APPLICATION_JSON, json)
                .status();
    }

    /** The records of {@code topic} this test made; other tests share the broker and write poison on purpose. */
    private static Predicate<ConsumerRecord<byte[], byte[]>> ours(
            String topic, Set<String> cards, Set<String> uploads) {
        return switch (topic) {
            case Topics.REJECTS ->
                record -> uploads.contains(key(record))
                        || record.key() == null
                                && new String(record.value(), StandardCharsets.UTF_8).contains("ZYWCTRREJ")
                        || record.key() == null
                                && new String(record.value(), StandardCharsets.UTF_8).contains("ZYWCTRCE3");
            case Topics.EVENTS_DLT -> record -> SET_ASIDE.contains(key(record));
            case Topics.STATUS_DLT -> record -> STATUS_POISON.contains(key(record));
            default -> record -> cards.contains(key(record));
        };
    }

    /** An event with a control character straight on its topic (the fold sets it aside), garbage bytes, bad statuses. */
    private static void writePoison(TopicReader topics) {
        CardEvent control = CardEvent.of(
                EventType.PICKED_UP,
                "ZYWCTRCTL",
                null,
                Instant.parse("2023-11-20T08:00:00Z"),
                "bad \u0000 comment",
                "C1",
                EventSource.api("default", "hostile"));
        JsonSerde<CardStatus> statuses = new JsonSerde<>(CardStatus.class);
        Instant at = Instant.parse("2023-11-20T08:00:00Z");
        CardStatus refused = StatusRecords.beforeReasons(
                "ZYWCTRSNUL", EventType.PICKED_UP, at, "+971501110007", "a NUL \u0000", 0, 1);
        topics.writeInOneTransaction(List.of(
                new ProducerRecord<>(
                        control.type().topic(),
                        bytes(control.cardId()),
                        JsonSerde.cardEvents().serializer().serialize(null, control)),
                new ProducerRecord<>(
                        EventType.DELIVERED.topic(), bytes("ZYWCTRGRB"), new byte[] {(byte) 0xC3, 0x28, 0}),
                new ProducerRecord<>(Topics.STATUS, bytes("ZYWCTRSX"), bytes("{not a status")),
                new ProducerRecord<>(
                        Topics.STATUS,
                        bytes(refused.cardId()),
                        statuses.serializer().serialize(null, refused))));
    }

    /**
     * A partner's CloudEvents as kcat would write them, in binary and in structured mode; the topic is created here
     * while the services do not create it yet.
     */
    private static List<ProducerRecord<byte[], byte[]>> writeCloudEvents(Pipeline pipeline, TopicReader topics)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("partner.events", 3, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ProducerRecord<byte[], byte[]> binary = new ProducerRecord<>(
                "partner.events",
                bytes("ZYWCTRCE1"),
                bytes("{\"phone\":\"0585949014\",\"comment\":\"left with the concierge\",\"reason\":\"NH\"}"));
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        "CE1",
                        "ce_source",
                        "/partners/default",
                        "ce_type",
                        "com.zywa.card.delivered",
                        "ce_time",
                        "2023-11-13T09:34:56Z",
                        "ce_subject",
                        "ZYWCTRCE1",
                        "content-type",
                        "application/json")
                .forEach((name, value) -> binary.headers().add(name, bytes(value)));
        ProducerRecord<byte[], byte[]> structured = new ProducerRecord<>(
                "partner.events",
                bytes("ZYWCTRCE2"),
                bytes(
                        "{\"specversion\":\"1.0\",\"id\":\"CE2\",\"source\":\"/partners/default\","
                                + "\"type\":\"com.zywa.card.picked-up\",\"time\":\"2023-11-12T19:59:00Z\",\"subject\":\"ZYWCTRCE2\","
                                + "\"datacontenttype\":\"application/json\",\"data\":{\"phone\":null,\"comment\":\"at the desk\"}}"));
        structured.headers().add("content-type", bytes("application/cloudevents+json"));
        // a CloudEvent of a source no partner has: ingest sets it aside on card.rejects without a partner or line
        ProducerRecord<byte[], byte[]> stranger =
                new ProducerRecord<>("partner.events", bytes("ZYWCTRCE3"), bytes("{\"phone\":null,\"comment\":null}"));
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        "CE3",
                        "ce_source",
                        "/partners/nobody-we-know",
                        "ce_type",
                        "com.zywa.card.delivered",
                        "ce_time",
                        "2023-11-13T09:34:56Z",
                        "ce_subject",
                        "ZYWCTRCE3",
                        "content-type",
                        "application/json")
                .forEach((name, value) -> stranger.headers().add(name, bytes(value)));
        // the same two on partner default's own topic (created by ingest), as other cards
        ProducerRecord<byte[], byte[]> ownBinary =
                new ProducerRecord<>(Topics.partnerEvents("default"), bytes("ZYWCTRCE4"), binary.value());
        binary.headers()
                .forEach(header -> ownBinary
                        .headers()
                        .add(
                                header.key(),
                                header.key().equals("ce_subject")
                                        ? bytes("ZYWCTRCE4")
                                        : header.key().equals("ce_id") ? bytes("CE4") : header.value()));
        ProducerRecord<byte[], byte[]> ownStructured = new ProducerRecord<>(
                Topics.partnerEvents("default"),
                bytes("ZYWCTRCE5"),
                bytes(new String(structured.value(), StandardCharsets.UTF_8)
                        .replace("ZYWCTRCE2", "ZYWCTRCE5")
                        .replace("\"CE2\"", "\"CE5\"")));
        structured.headers().forEach(header -> ownStructured.headers().add(header.key(), header.value()));
        List<ProducerRecord<byte[], byte[]>> records = List.of(binary, structured, stranger, ownBinary, ownStructured);
        topics.writeInOneTransaction(records);
        return records;
    }

    /** A record as a consumer would read it: its topic, key, value and headers. */
    private static ConsumerRecord<byte[], byte[]> asConsumed(ProducerRecord<byte[], byte[]> record) {
        return new ConsumerRecord<>(
                record.topic(),
                0,
                0L,
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                record.key(),
                record.value(),
                record.headers(),
                Optional.empty());
    }

    private Map<String, Set<String>> documentedMessages() {
        Map<String, Set<String>> messages = new TreeMap<>();
        contract.channels()
                .forEach((topic, channel) -> channel.path("messages")
                        .properties()
                        .forEach(message -> messages.computeIfAbsent(topic, t -> new TreeSet<>())
                                .add(message.getKey())));
        return messages;
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String event(String type, String cardId, String partnerEventId) {
        return "{\"type\":\"" + type + "\",\"card_id\":\"" + cardId + "\",\"occurred_at\":\"2023-11-21T08:00:00Z\","
                + "\"partner_event_id\":\"" + partnerEventId + "\",\"phone\":\"0501110009\",\"comment\":\"at door\"}";
    }
}
