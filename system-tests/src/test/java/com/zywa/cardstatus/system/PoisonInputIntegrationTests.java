package com.zywa.cardstatus.system;

import static com.zywa.cardstatus.system.TopicReader.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input is normal input: each poison below is sent to the running pipeline, then the test shows where it
 * went (an HTTP answer, a report, a dead-letter record) and that a valid event sent after it still reaches the API.
 */
@ExtendWith(PipelineExtension.class)
class PoisonInputIntegrationTests {

    private Pipeline pipeline;
    private PipelineClient client;
    private TopicReader topics;

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.client = new PipelineClient(pipeline);
        this.topics = new TopicReader(pipeline);
    }

    @Test
    void aHugePartnerEventIdIsRejectedWithItsReasonAndCutInTheRejectsTopic() {
        String event = event("PICKED_UP", "ZYWPSN1", "2023-11-20T08:00:00Z", "x".repeat(70_000), "fine");

        PipelineClient.Answer answer = client.postJson(pipeline.ingestUrl() + "/events", "[" + event + "]");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("rejected").asInt()).isEqualTo(1);
        assertThat(answer.body().get("results").get(0).get("reason").asString())
                .contains("partner event ID")
                .contains("70000")
                .contains("128");
        List<ConsumerRecord<byte[], byte[]>> rejects = topics.awaitRecords(
                Topics.REJECTS, record -> new String(record.value(), StandardCharsets.UTF_8).contains("70000"));
        assertThat(rejects.get(0).serializedValueSize()).isLessThan(6 * 1024);
        assertFollowingEventArrives("ZYWPSN1OK");
    }

    @Test
    void aControlCharacterInACommentIsRejectedAtTheEdge() {
        String event = event("PICKED_UP", "ZYWPSN2", "2023-11-20T08:00:00Z", "N2", "left at door\\u0000");

        PipelineClient.Answer answer = client.postJson(pipeline.ingestUrl() + "/events", event);

        assertThat(answer.body().get("rejected").asInt()).isEqualTo(1);
        assertThat(answer.body().get("results").get(0).get("reason").asString())
                .contains("comment")
                .contains("\\u0000");
        assertThat(client.cardStatus("card_id=ZYWPSN2").status()).isEqualTo(404);
        assertFollowingEventArrives("ZYWPSN2OK");
    }

    @Test
    void aControlCharacterPublishedStraightToAnEventTopicIsSetAsideByTheFold() {
        CardEvent event = CardEvent.of(
                EventType.PICKED_UP,
                "ZYWPSN2K",
                null,
                Instant.parse("2023-11-20T08:00:00Z"),
                "bad \u0000 comment",
                "N2K",
                EventSource.api("default", "hostile"));
        topics.writeInOneTransaction(List.of(new ProducerRecord<>(
                event.type().topic(),
                bytes(event.cardId()),
                JsonSerde.cardEvents().serializer().serialize(null, event))));

        ConsumerRecord<byte[], byte[]> dead = topics.awaitRecords(
                        Topics.EVENTS_DLT, record -> TopicReader.keyed(record, "ZYWPSN2K"))
                .get(0);

        assertThat(reasonOf(dead)).contains("comment holds the control character \\u0000");
        assertThat(client.cardStatus("card_id=ZYWPSN2K").status()).isEqualTo(404);
        assertFollowingEventArrives("ZYWPSN2KOK");
    }

    @Test
    void aFileWithAHugeFieldKeepsItsGoodRowsAndRejectsTheLongLine() {
        String file = "ID,Card ID,User Mobile,Timestamp,Comment\r\n"
                + "P1,ZYWPSN3A,0501110001,12-11-2023 10:00,ok\r\n"
                + "P2,ZYWPSN3B,0501110002,12-11-2023 10:00," + "y".repeat(1_500_000) + "\r\n"
                + "P3,ZYWPSN3C,0501110003,12-11-2023 10:00,ok\r\n"
                + "P4,ZYWPSN3D,0501110004,12-11-2023 10:00,ok\r\n";

        PipelineClient.Answer answer = client.upload("poison-pickup.csv", bytes(file), Map.of());

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().get("rows_accepted").asInt()).isEqualTo(3);
        assertThat(answer.body().get("rows_rejected").asInt()).isEqualTo(1);
        assertThat(answer.body().get("rejections").get(0).get("line").asInt()).isEqualTo(3);
        String uploadId = answer.body().get("upload_id").asString();
        List<ConsumerRecord<byte[], byte[]>> rejects =
                topics.awaitRecords(Topics.REJECTS, record -> TopicReader.keyed(record, uploadId));
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).serializedValueSize()).isLessThan(6 * 1024);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String card : List.of("ZYWPSN3A", "ZYWPSN3C", "ZYWPSN3D")) {
                assertThat(client.cardStatus("card_id=" + card).status()).isEqualTo(200);
            }
        });
        assertThat(client.cardStatus("card_id=ZYWPSN3B").status()).isEqualTo(404);
    }

    @Test
    void aThirtyMegabyteJsonBodyIsRefusedBeforeItIsRead() {
        String body = "["
                + (event("PICKED_UP", "ZYWPSN4", "2023-11-20T08:00:00Z", "N4", "z".repeat(900)) + ",").repeat(30_000)
                + "{}]";
        assertThat(body.length()).isGreaterThan(30_000_000);

        PipelineClient.Answer answer = client.postJson(pipeline.ingestUrl() + "/events", body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("error").asString()).isEqualTo("body_too_large");
        assertThat(client.cardStatus("card_id=ZYWPSN4").status()).isEqualTo(404);
        assertFollowingEventArrives("ZYWPSN4OK");
    }

    @Test
    void aCardWithTooManyEventsCompactsItsOldestCountingEveryOneAndTheFoldGoesOn() {
        for (int batch = 0; batch < 4; batch++) {
            StringBuilder events = new StringBuilder("[");
            for (int i = batch * 300; i < (batch + 1) * 300; i++) {
                events.append(i % 300 == 0 ? "" : ",")
                        .append(event(
                                "DELIVERY_EXCEPTION",
                                "ZYWPSN5",
                                Instant.parse("2023-01-01T00:00:00Z")
                                        .plusSeconds(60L * i)
                                        .toString(),
                                "E" + i,
                                "attempt " + i + " " + "c".repeat(880)));
            }
            PipelineClient.Answer answer = client.postJson(
                    pipeline.ingestUrl() + "/events", events.append("]").toString());
            assertThat(answer.body().get("accepted").asInt()).isEqualTo(300);
        }

        // contract §11.2: past its bounds (1,000 events, or 900,000 bytes of state: these comments bind first) the
        // card compacts its oldest events into counts instead of setting new ones aside
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(client.cardStatus("card_id=ZYWPSN5")
                                .body()
                                .get("delivery_exceptions")
                                .asInt())
                        .isEqualTo(1200));
        client.awaitIdle();
        JsonNode card = client.cardStatus("card_id=ZYWPSN5").body();
        assertThat(card.get("history").size()).isBetween(1, 1000);
        assertThat(card.get("status_at").asString()).isEqualTo("2023-01-01T19:59:00Z");
        assertThat(topics.read(Topics.EVENTS_DLT, record -> TopicReader.keyed(record, "ZYWPSN5")))
                .isEmpty();
        assertFollowingEventArrives("ZYWPSN5OK");
    }

    @Test
    void garbageBytesOnAnEventTopicGoToTheDeadLetterTopic() {
        topics.writeInOneTransaction(List.of(new ProducerRecord<>(
                EventType.DELIVERED.topic(), bytes("ZYWPSN6"), new byte[] {(byte) 0xC3, 0x28, 0, 1})));

        ConsumerRecord<byte[], byte[]> dead = topics.awaitRecords(
                        Topics.EVENTS_DLT, record -> TopicReader.keyed(record, "ZYWPSN6"))
                .get(0);

        assertThat(dead.value()).containsExactly((byte) 0xC3, 0x28, 0, 1);
        assertThat(reasonOf(dead)).isNotBlank();
        assertFollowingEventArrives("ZYWPSN6OK");
    }

    @Test
    void aStatusBatchWithGarbageOrARowTheDatabaseRefusesKeepsEveryOtherRecord() {
        JsonSerde<CardStatus> serde = new JsonSerde<>(CardStatus.class);
        CardStatus before = status("ZYWPSN7A", "before");
        CardStatus refused = status("ZYWPSN7B", "a NUL \u0000 PostgreSQL refuses");
        CardStatus after = status("ZYWPSN7C", "after");

        topics.writeInOneTransaction(List.of(
                new ProducerRecord<>(
                        Topics.STATUS,
                        0,
                        bytes(before.cardId()),
                        serde.serializer().serialize(null, before)),
                new ProducerRecord<>(Topics.STATUS, 0, bytes("ZYWPSN7X"), bytes("{not a status")),
                new ProducerRecord<>(
                        Topics.STATUS,
                        0,
                        bytes(refused.cardId()),
                        serde.serializer().serialize(null, refused)),
                new ProducerRecord<>(
                        Topics.STATUS,
                        0,
                        bytes(after.cardId()),
                        serde.serializer().serialize(null, after))));

        ConsumerRecord<byte[], byte[]> garbage = topics.awaitRecords(
                        Topics.STATUS_DLT, record -> TopicReader.keyed(record, "ZYWPSN7X"))
                .get(0);
        ConsumerRecord<byte[], byte[]> nul = topics.awaitRecords(
                        Topics.STATUS_DLT, record -> TopicReader.keyed(record, "ZYWPSN7B"))
                .get(0);
        assertThat(reasonOf(garbage)).isNotBlank();
        assertThat(reasonOf(nul)).isNotBlank().doesNotContain("+97150");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.cardStatus("card_id=ZYWPSN7A")
                            .body()
                            .path("comment")
                            .asString(""))
                    .isEqualTo("before");
            assertThat(client.cardStatus("card_id=ZYWPSN7C")
                            .body()
                            .path("comment")
                            .asString(""))
                    .isEqualTo("after");
        });
        assertThat(client.cardStatus("card_id=ZYWPSN7B").status()).isEqualTo(404);
        assertFollowingEventArrives("ZYWPSN7OK");
    }

    @Test
    void aWindows1252FileIsReadAsSuchWithAWarning() {
        String file = "ID,Card ID,User Mobile,Timestamp,Comment\r\nW1,ZYWPSN8,0501110008,12-11-2023 10:00,"
                + "remis au caf\u00e9 \u20ac\r\n";
        byte[] cp1252 = file.getBytes(Charset.forName("windows-1252"));

        PipelineClient.Answer answer = client.upload("cp1252-pickup.csv", cp1252, Map.of());

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().get("rows_accepted").asInt()).isEqualTo(1);
        assertThat(answer.body().get("rows_rejected").asInt()).isEqualTo(0);
        assertThat(answer.body().get("warnings").toString()).containsIgnoringCase("windows-1252");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(client.cardStatus("card_id=ZYWPSN8")
                                .body()
                                .path("comment")
                                .asString(""))
                        .isEqualTo("remis au caf\u00e9 \u20ac"));
    }

    /** The reason a dead-letter record carries, in spring-kafka's header (every handler writes it). */
    private static String reasonOf(ConsumerRecord<byte[], byte[]> record) {
        return String.valueOf(TopicReader.header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
    }

    private void assertFollowingEventArrives(String cardId) {
        PipelineClient.Answer answer = client.postJson(
                pipeline.ingestUrl() + "/events",
                event("PICKED_UP", cardId, "2023-11-21T08:00:00Z", cardId, "after the poison"));
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(client.cardStatus("card_id=" + cardId).status())
                                .isEqualTo(200));
    }

    private static String event(String type, String cardId, String at, String partnerEventId, String comment) {
        return "{\"type\":\"" + type + "\",\"card_id\":\"" + cardId + "\",\"occurred_at\":\"" + at
                + "\",\"partner_event_id\":\"" + partnerEventId + "\",\"comment\":\"" + comment + "\"}";
    }

    private static CardStatus status(String cardId, String comment) {
        return StatusRecords.beforeReasons(
                cardId, EventType.PICKED_UP, Instant.parse("2023-11-20T08:00:00Z"), "+971501110007", comment, 0, 1);
    }
}
