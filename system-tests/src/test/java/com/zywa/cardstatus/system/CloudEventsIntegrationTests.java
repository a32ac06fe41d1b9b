package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Partners publish CloudEvents 1.0: on {@code partner.events} with a client that is not Java (Debian's kcat, exactly
 * as docs/api.md shows), in binary and structured mode, and over HTTP; the events reach the fold once however often
 * they are sent, what is no valid event of a known partner lands on {@code card.rejects} with its reason, and ingest's
 * transactions commit the consumed offsets.
 */
@ExtendWith(PipelineExtension.class)
class CloudEventsIntegrationTests {

    private static final String DATA = "{\"phone\":\"0501112233\",\"comment\":\"left with the guard\"}";

    @Test
    void kcatPublishesInBinaryAndStructuredModeDuplicatesCountOnceAndBadRecordsAreRejected(Pipeline pipeline)
            throws Exception {
        String tool = kcat();
        Assumptions.assumeTrue(tool != null, "kcat is not installed (apt-get install kcat); skipping the kcat test");
        String brokers = pipeline.bootstrapServers();
        Scrape before = Scrape.of(pipeline.ingestUrl());

        for (int i = 0; i < 2; i++) {
            kcat(
                    tool,
                    brokers,
                    "ZYWCE1",
                    DATA,
                    binary("kc-1", "/partners/default", "com.zywa.card.delivered", "ZYWCE1"));
        }
        kcat(
                tool,
                brokers,
                "ZYWCE2",
                structured("kc-2", "/partners/fastcourier", "com.zywa.card.picked-up", "ZYWCE2"),
                "content-type=application/cloudevents+json");
        kcat(tool, brokers, "ZYWCE3", DATA, binary("kc-3", "/partners/acme", "com.zywa.card.delivered", "ZYWCE3"));
        kcat(tool, brokers, "ZYWCE4", DATA, binary("kc-4", "/partners/default", "com.zywa.card.lost", "ZYWCE4"));
        kcat(
                tool,
                brokers,
                "ZYWCE5",
                "{\"card_id\":\"ZYWCE5\",\"status\":\"DELIVERED\"}",
                "content-type=application/json");

        PipelineClient client = new PipelineClient(pipeline);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer delivered = client.cardStatus("card_id=ZYWCE1");
            assertThat(delivered.status()).isEqualTo(200);
            assertThat(delivered.body().get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivered.body().get("user_phone").asString()).isEqualTo("+971501112233");
            assertThat(delivered.body().get("comment").asString()).isEqualTo("left with the guard");
            assertThat(delivered.body().get("history")).hasSize(1);
            assertThat(client.cardStatus("card_id=ZYWCE2").body().path("status").asString())
                    .isEqualTo("PICKED_UP");
        });
        TopicReader topics = new TopicReader(pipeline);
        CardEvent event = Json.MAPPER.readValue(
                topics.awaitRecords(EventType.DELIVERED.topic(), record -> TopicReader.keyed(record, "ZYWCE1"))
                        .get(0)
                        .value(),
                CardEvent.class);
        assertThat(event.partnerEventId()).isEqualTo("kc-1");
        assertThat(event.source().partner()).isEqualTo("default");
        assertThat(event.source().caller()).isEqualTo("kafka:partner.events");
        assertThat(topics.awaitRejection(pipeline.ingest.getBean(PhoneVault.class), "ZYWCE3")
                        .reason())
                .contains("source '/partners/acme' is not a configured partner's");
        assertThat(topics.awaitRejection(pipeline.ingest.getBean(PhoneVault.class), "ZYWCE4")
                        .reason())
                .contains("type 'com.zywa.card.lost' is not one of");
        RejectedRow notACloudEvent = topics.awaitRejection(pipeline.ingest.getBean(PhoneVault.class), "ZYWCE5");
        assertThat(notACloudEvent.reason()).contains("not a CloudEvent 1.0");
        assertThat(notACloudEvent.file()).startsWith("kafka:partner.events/");
        client.awaitIdle();
        for (String rejected : List.of("ZYWCE3", "ZYWCE4", "ZYWCE5")) {
            assertThat(client.cardStatus("card_id=" + rejected).status())
                    .as(rejected)
                    .isEqualTo(404);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(uncommitted(brokers)).isEmpty());
        // on-call sees Kafka's partner events in the same counter as POST /events: 2 + 1 accepted, 3 rejected
        Scrape after = Scrape.of(pipeline.ingestUrl());
        assertThat(counted(after, "accepted", "fastcourier") - counted(before, "accepted", "fastcourier"))
                .isEqualTo(1);
        assertThat(counted(after, "accepted", "default") - counted(before, "accepted", "default"))
                .isEqualTo(2);
        assertThat(counted(after, "rejected", "other")
                        + counted(after, "rejected", "default")
                        - counted(before, "rejected", "other")
                        - counted(before, "rejected", "default"))
                .isEqualTo(3);
    }

    /**
     * The partitions of {@code partner.events} whose end ingest's group has not committed (with auto-commit off,
     * only its transactions commit offsets).
     */
    private static Map<TopicPartition, Long> uncommitted(String brokers) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", brokers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("ingest-partner-events")
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(List.of(Topics.PARTNER_EVENTS))
                    .allTopicNames()
                    .get()
                    .get(Topics.PARTNER_EVENTS)
                    .partitions()
                    .forEach(p -> partitions.put(
                            new TopicPartition(Topics.PARTNER_EVENTS, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> behind = new HashMap<>();
            admin.listOffsets(partitions).all().get().forEach((partition, end) -> {
                long done = committed.containsKey(partition)
                        ? committed.get(partition).offset()
                        : 0;
                if (done != end.offset()) {
                    behind.put(partition, end.offset() - done);
                }
            });
            return behind;
        }
    }

    /**
     * On a partner's own topic the topic names the partner (contract §11.3): fastcourier's record is folded as
     * fastcourier's and recorded as sent by {@code kafka:partner.events.fastcourier}; a record there whose
     * {@code source} is default's is rejected for fastcourier with the reason and never folded.
     */
    @Test
    void aPartnersOwnTopicNamesThePartnerAndARecordWhoseSourceDisagreesIsRejected(Pipeline pipeline) {
        String topic = Topics.partnerEvents("fastcourier");
        TopicReader topics = new TopicReader(pipeline);
        topics.writeInOneTransaction(List.of(
                record(topic, "ZYWPT1", binary("pt-1", "/partners/fastcourier", "com.zywa.card.picked-up", "ZYWPT1")),
                record(topic, "ZYWPT2", binary("pt-2", "/partners/default", "com.zywa.card.delivered", "ZYWPT2"))));

        PipelineClient client = new PipelineClient(pipeline);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(client.cardStatus("card_id=ZYWPT1")
                                .body()
                                .path("status")
                                .asString())
                        .isEqualTo("PICKED_UP"));
        CardEvent event = Json.MAPPER.readValue(
                topics.awaitRecords(EventType.PICKED_UP.topic(), record -> TopicReader.keyed(record, "ZYWPT1"))
                        .get(0)
                        .value(),
                CardEvent.class);
        assertThat(event.source().partner()).isEqualTo("fastcourier");
        assertThat(event.source().caller()).isEqualTo("kafka:" + topic);
        RejectedRow impersonation = topics.awaitRejection(pipeline.ingest.getBean(PhoneVault.class), "ZYWPT2");
        assertThat(impersonation.partner()).isEqualTo("fastcourier");
        assertThat(impersonation.reason())
                .contains("CloudEvent 'pt-2': source '/partners/default' is not partner 'fastcourier''s, who wrote it"
                        + " to its own topic partner.events.fastcourier (contract §11.3)");
        assertThat(impersonation.file()).startsWith("kafka:" + topic + "/");
        client.awaitIdle();
        assertThat(client.cardStatus("card_id=ZYWPT2").status()).isEqualTo(404);
        assertThat(topics.read(EventType.DELIVERED.topic(), record -> TopicReader.keyed(record, "ZYWPT2")))
                .isEmpty();
    }

    /** A binary-mode record of {@code headers} ({@code name=value}, as for kcat) with {@link #DATA}. */
    private static ProducerRecord<byte[], byte[]> record(String topic, String key, String... headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                topic, key.getBytes(StandardCharsets.UTF_8), DATA.getBytes(StandardCharsets.UTF_8));
        for (String header : headers) {
            int equals = header.indexOf('=');
            record.headers()
                    .add(
                            header.substring(0, equals),
                            header.substring(equals + 1).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void cloudEventsOverHttpReachTheFoldInEveryModeAndRecordTheCaller(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        Map<String, String> binary = Map.of(
                "X-API-Key",
                TestCredentials.PARTNER_KEY,
                "ce-specversion",
                "1.0",
                "ce-id",
                "h-1",
                "ce-source",
                "/partners/default",
                "ce-type",
                "com.zywa.card.delivery-exception",
                "ce-time",
                "2023-11-20T08:00:00Z",
                "ce-subject",
                "ZYWCEH1");
        String batch = "[" + structured("h-2", "/partners/default", "com.zywa.card.returned", "ZYWCEH1") + ","
                + structured("h-3", "/partners/default", "com.zywa.card.picked-up", "ZYWCEH2") + "]";

        PipelineClient.Answer first = client.send(
                HttpMethod.POST, pipeline.ingestUrl() + "/events", binary, MediaType.APPLICATION_JSON, DATA);
        PipelineClient.Answer second = client.send(
                HttpMethod.POST,
                pipeline.ingestUrl() + "/events",
                Map.of("X-API-Key", TestCredentials.PARTNER_KEY),
                MediaType.parseMediaType("application/cloudevents-batch+json"),
                batch);
        PipelineClient.Answer foreign = client.send(
                HttpMethod.POST,
                pipeline.ingestUrl() + "/events",
                Map.of("X-API-Key", TestCredentials.FASTCOURIER_KEY),
                MediaType.parseMediaType("application/cloudevents+json"),
                structured("h-4", "/partners/default", "com.zywa.card.delivered", "ZYWCEH3"));

        assertThat(first.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(second.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(foreign.status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer card = client.cardStatus("card_id=ZYWCEH1");
            assertThat(card.status()).isEqualTo(200);
            assertThat(card.body().get("status").asString()).isEqualTo("RETURNED");
            assertThat(card.body().get("delivery_exceptions").asInt()).isEqualTo(1);
            assertThat(client.cardStatus("card_id=ZYWCEH2")
                            .body()
                            .path("status")
                            .asString())
                    .isEqualTo("PICKED_UP");
        });
        CardEvent event = Json.MAPPER.readValue(
                new TopicReader(pipeline)
                        .awaitRecords(EventType.RETURNED.topic(), record -> TopicReader.keyed(record, "ZYWCEH1"))
                        .get(0)
                        .value(),
                CardEvent.class);
        assertThat(event.source().caller()).isEqualTo("partner-default-test");
        client.awaitIdle();
        assertThat(client.cardStatus("card_id=ZYWCEH3").status()).isEqualTo(404);
    }

    /** The headers of a binary-mode record, as kcat's {@code -H} options take them. */
    private static String[] binary(String id, String source, String type, String subject) {
        return new String[] {
            "ce_specversion=1.0",
            "ce_id=" + id,
            "ce_source=" + source,
            "ce_type=" + type,
            "ce_time=2023-11-20T08:00:00Z",
            "ce_subject=" + subject,
            "content-type=application/json"
        };
    }

    private static String structured(String id, String source, String type, String subject) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"time\":\"2023-11-20T09:00:00Z\",\"subject\":\"" + subject
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + DATA + "}";
    }

    /** Publishes one record with kcat, as a partner would: {@code kcat -P -b ... -t partner.events -k key -H ...}. */
    private static double counted(Scrape scrape, String outcome, String partner) {
        return scrape.valueOrZero(
                "cardstatus_partner_events_total", "outcome=\"" + outcome + "\"", "partner=\"" + partner + "\"");
    }

    private static void kcat(String tool, String brokers, String key, String value, String... headers)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(tool, "-P", "-b", brokers, "-t", Topics.PARTNER_EVENTS, "-k", key));
        Arrays.stream(headers).forEach(header -> command.addAll(List.of("-H", header)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write((value + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("kcat finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("kcat: " + output).isZero();
    }

    /** kcat on the PATH, or null. */
    private static String kcat() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "kcat");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
