package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Erasure on the real pipeline (contract §12): one cardholder's phone reaches the service by every path — a CSV
 * upload, a JSON event, a CloudEvent on {@code partner.events}, a rejected row, and a record the fold sets aside on the
 * dead-letter topic — beside other cards with other phones. Ops erase that phone; then every topic on the broker (all
 * partitions, from the beginning, keys, values and headers as raw bytes) and every table of every schema hold it in
 * none of its forms (E.164, 971…, 00971…, 0…, the nine national digits); a lookup by it answers 404; its cards keep
 * their statuses without a phone; the receipt names no phone; another cardholder's phone still opens; and a new phone
 * for the same card works.
 */
@ExtendWith(PipelineExtension.class)
class PersonalDataErasureIntegrationTests {

    @Test
    void anErasedPhoneIsInNoTopicAndNoTableAndItsCardsKeepTheirStatuses(Pipeline pipeline) throws Exception {
        PipelineClient client = new PipelineClient(pipeline);
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        String national = "5" + n; // nine digits
        String otherNational = "5" + (n + 1);
        String newNational = "5" + (n + 2);
        String card = "ZYWERA" + n;
        String jsonCard = card + "J";
        String cloudCard = card + "C";
        String deadCard = card + "D";
        String otherCard = card + "O";

        // a CSV upload (two cards, two phones) with a rejected row that holds the phone (its date cannot be read)
        PipelineClient.Answer upload = client.upload(
                "erasure-pickup.csv",
                ("ID,Card ID,User Mobile,Timestamp\n"
                                + "1," + card + ",0" + national + ",20-11-2023 10:00\n"
                                + "2," + otherCard + ",0" + otherNational + ",20-11-2023 10:05\n"
                                + "3," + card + "R,0" + national + ",not a date\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(upload.status()).isEqualTo(201);
        // a JSON event (another card, the phone with 00971)
        PipelineClient.Answer json = client.postJson(
                pipeline.ingestUrl() + "/events",
                "{\"type\":\"DELIVERY_EXCEPTION\",\"card_id\":\"" + jsonCard + "\",\"phone\":\"00971" + national
                        + "\",\"occurred_at\":\"2023-11-21T08:00:00Z\",\"partner_event_id\":\"era-" + n
                        + "\",\"comment\":\"no answer\"}");
        assertThat(json.body().get("accepted").asInt()).isEqualTo(1);
        // a CloudEvent on partner.events (the phone with +971)
        new TopicReader(pipeline)
                .writeInOneTransaction(List.of(new ProducerRecord<>(
                        Topics.PARTNER_EVENTS,
                        null,
                        TopicReader.bytes(cloudCard),
                        TopicReader.bytes("{\"phone\":\"+971" + national + "\"}"),
                        List.<Header>of(
                                header("ce_specversion", "1.0"),
                                header("ce_id", "era-ce-" + n),
                                header("ce_source", "/partners/default"),
                                header("ce_type", "com.zywa.card.picked-up"),
                                header("ce_time", "2023-11-20T08:00:00Z"),
                                header("ce_subject", cloudCard),
                                header("content-type", "application/json")))));
        // a record written as ingest writes it (phone sealed) that the fold sets aside: a NUL in its comment
        PhoneVault vault = pipeline.ingest.getBean(PhoneVault.class);
        CardEvent refused = CardEvent.of(
                EventType.PICKED_UP,
                deadCard,
                vault.seal("+971" + national),
                Instant.parse("2023-11-20T08:00:00Z"),
                "bad \u0000 comment",
                "era-dead-" + n,
                EventSource.api("default", "erasure-test"));
        new TopicReader(pipeline)
                .writeInOneTransaction(List.of(new ProducerRecord<>(
                        refused.type().topic(),
                        TopicReader.bytes(deadCard),
                        JsonSerde.cardEvents().serializer().serialize(null, refused))));

        for (String each : List.of(card, jsonCard, cloudCard)) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(client.get(pipeline.apiUrl() + "/api/v1/cards/" + each)
                                    .body()
                                    .path("user_phone")
                                    .asString())
                            .as(each)
                            .isEqualTo("+971" + national));
        }
        new TopicReader(pipeline).awaitRecords(Topics.EVENTS_DLT, record -> TopicReader.keyed(record, deadCard));
        String uploadId = upload.body().get("upload_id").asString();
        new TopicReader(pipeline).awaitRecords(Topics.REJECTS, record -> TopicReader.keyed(record, uploadId));
        assertThat(searchByPhone(client, pipeline, "0" + national).body()).hasSize(3);
        assertThat(client.cardStatus("user_phone=%2B971" + national).status()).isEqualTo(200);
        client.awaitIdle();
        // before the erasure the phone is sealed wherever it is kept, but partner.events is a transport: it may
        // still hold what the partner wrote until ingest's deletion runs

        PipelineClient.Answer erasure = client.send(
                HttpMethod.POST,
                pipeline.apiUrl() + "/api/v1/erasures",
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                MediaType.APPLICATION_JSON,
                "{\"phone\":\"0" + national + "\"}");

        assertThat(erasure.status()).isEqualTo(201);
        String receiptId = erasure.body().get("id").asString();
        PipelineClient.Answer receipt = client.send(
                HttpMethod.GET,
                pipeline.apiUrl() + "/api/v1/erasures/" + receiptId,
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                null,
                null);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body().toString()).doesNotContain(national);
        assertThat(erasure.body().toString()).doesNotContain(national);
        PipelineClient.Answer search = searchByPhone(client, pipeline, "0" + national);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).as("the cards of the erased phone").isEmpty();
        assertThat(client.cardStatus("user_phone=%2B971" + national).status()).isEqualTo(404);
        for (String each : List.of(card, jsonCard, cloudCard)) {
            JsonNode status =
                    client.get(pipeline.apiUrl() + "/api/v1/cards/" + each).body();
            assertThat(status.path("status").asString()).as(each).isNotBlank();
            assertThat(status.path("user_phone").isNull()
                            || status.path("user_phone").isMissingNode())
                    .as("%s has no phone: %s", each, status)
                    .isTrue();
        }
        assertThat(client.get(pipeline.apiUrl() + "/api/v1/cards/" + otherCard)
                        .body()
                        .path("user_phone")
                        .asString())
                .isEqualTo("+971" + otherNational);

        // the scans read what is there: the card's ID (no personal data) is found in its topics and tables
        assertThat(topicsHolding(pipeline, card))
                .contains(EventType.PICKED_UP.topic(), EventType.DELIVERY_EXCEPTION.topic(), Topics.STATUS);
        assertThat(tablesHolding(pipeline, card)).isNotEmpty();
        List<String> forms = List.of("+971" + national, "00971" + national, "971" + national, "0" + national, national);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(topicsHolding(pipeline, national))
                        .as("topics holding the phone %s in clear", forms)
                        .isEmpty());
        assertThat(tablesHolding(pipeline, national))
                .as("tables holding the phone in clear")
                .isEmpty();

        // a new phone for the same card works
        PipelineClient.Answer renewed = client.postJson(
                pipeline.ingestUrl() + "/events",
                "{\"type\":\"DELIVERED\",\"card_id\":\"" + card + "\",\"phone\":\"0" + newNational
                        + "\",\"occurred_at\":\"2023-11-22T08:00:00Z\",\"partner_event_id\":\"era-new-" + n + "\"}");
        assertThat(renewed.body().get("accepted").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer found = searchByPhone(client, pipeline, "0" + newNational);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body().toString()).contains(card).contains("+971" + newNational);
        });
    }

    private static PipelineClient.Answer searchByPhone(PipelineClient client, Pipeline pipeline, String phone) {
        return client.send(
                HttpMethod.POST,
                pipeline.apiUrl() + "/api/v1/cards/search",
                Map.of("X-API-Key", TestCredentials.READER_KEY),
                MediaType.APPLICATION_JSON,
                "{\"phone\":\"" + phone + "\"}");
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The topics (but Kafka's own) with a record whose key, value or a header's value holds {@code digits}, read from
     * the beginning of every partition, uncommitted records too.
     */
    private static List<String> topicsHolding(Pipeline pipeline, String digits) throws Exception {
        byte[] needle = digits.getBytes(StandardCharsets.US_ASCII);
        List<String> holding = new ArrayList<>();
        List<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrapServers()))) {
            topics = admin.listTopics().names().get().stream()
                    .filter(topic -> !topic.startsWith("__"))
                    .sorted()
                    .toList();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        pipeline.bootstrapServers(),
                        "isolation.level",
                        "read_uncommitted",
                        "enable.auto.commit",
                        "false",
                        "max.poll.records",
                        "5000"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                boolean found = false;
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        found |= holds(record.key(), needle) || holds(record.value(), needle);
                        for (Header header : record.headers()) {
                            found |= holds(header.value(), needle);
                        }
                    }
                }
                if (found) {
                    holding.add(topic);
                }
            }
        }
        return holding;
    }

    /** Every table of every schema but PostgreSQL's own whose rows, as text, hold {@code digits}. */
    private static List<String> tablesHolding(Pipeline pipeline, String digits) throws Exception {
        List<String> holding = new ArrayList<>();
        Pipeline.Database database = pipeline.database();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT format('%I.%I', table_schema, table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).as("the tables scanned").anyMatch(t -> t.endsWith("phone_key"));
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM " + table + " t WHERE strpos(CAST(t AS text), '" + digits + "') > 0")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        holding.add(table);
                    }
                }
            }
        }
        return holding;
    }

    private static boolean holds(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
