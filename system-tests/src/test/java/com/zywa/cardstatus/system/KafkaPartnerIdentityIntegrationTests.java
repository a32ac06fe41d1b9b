package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.ingest.IngestProducerApplication;
import com.zywa.cardstatus.local.LocalKafkaSecurity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On a broker run as {@code LOCAL_KAFKA_SECURITY=sasl ./run-local} runs it (SASL/SCRAM, KRaft's StandardAuthorizer,
 * local-stack's ACLs), the broker says who wrote a partner record (contract §11.3): a partner writes its own
 * {@code partner.events.<name>}, and writing another partner's topic, or the shared {@code partner.events}, is refused
 * with an authorization error, so nothing of it is there to be read, let alone folded; ingest, on its own principal,
 * takes a record of a partner's topic as that partner's and rejects one whose source names another. Its own broker
 * (the shared pipeline's is PLAINTEXT) and, for one test, an ingest of its own; no processor.
 */
class KafkaPartnerIdentityIntegrationTests {

    private static final LocalKafkaSecurity SECURITY = LocalKafkaSecurity.generate(List.of("fastcourier", "swiftpost"));

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.start(1, SECURITY);
        try (Admin admin = Admin.create(SECURITY.admin().clientConfig(broker.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(Topics.partnerEvents("fastcourier"), Optional.of(1), Optional.empty()),
                            new NewTopic(Topics.partnerEvents("swiftpost"), Optional.of(1), Optional.empty()),
                            new NewTopic(Topics.PARTNER_EVENTS, Optional.of(1), Optional.empty())))
                    .all()
                    .get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aPartnerWritesItsOwnTopic() throws Exception {
        String topic = Topics.partnerEvents("fastcourier");

        send(SECURITY.partner("fastcourier"), topic, "ZYWSASL1");

        assertThat(keys(topic)).contains("ZYWSASL1");
    }

    @Test
    void aPartnerCannotWriteAnotherPartnersTopicNorTheSharedOne() {
        for (String topic : List.of(Topics.partnerEvents("swiftpost"), Topics.PARTNER_EVENTS)) {
            assertThatThrownBy(() -> send(SECURITY.partner("fastcourier"), topic, "ZYWSASL2"))
                    .as(topic)
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThat(keys(topic)).as(topic).doesNotContain("ZYWSASL2");
        }
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordIsNotLetIn() {
        LocalKafkaSecurity.Principal impostor = new LocalKafkaSecurity.Principal("partner-swiftpost", "guessed");

        assertThatThrownBy(() -> send(impostor, Topics.partnerEvents("swiftpost"), "ZYWSASL3"))
                .hasMessageContaining("Authentication failed");
        assertThat(keys(Topics.partnerEvents("swiftpost"))).doesNotContain("ZYWSASL3");
    }

    /**
     * Ingest, logging in as its own principal with only local-stack's ACLs, reads fastcourier's topic: the record
     * whose source is fastcourier's becomes fastcourier's event, the one whose source is swiftpost's is rejected with
     * the reason and becomes no event (contract §11.3).
     */
    @Test
    void ingestOnItsOwnPrincipalTakesAPartnersRecordsAsThatPartnersAndRejectsAnotherSource() throws Exception {
        LocalKafkaSecurity.Principal ingest = SECURITY.service("ingest");
        String topic = Topics.partnerEvents("fastcourier");
        try (ConfigurableApplicationContext context = IngestProducerApplication.application()
                .run(Pipeline.args(
                        broker.bootstrapServers(),
                        TestDatabase.get(),
                        "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                        "--spring.kafka.properties.sasl.mechanism=" + LocalKafkaSecurity.MECHANISM,
                        "--spring.kafka.properties.sasl.jaas.config=" + ingest.jaasConfig(),
                        "--cardstatus.ingest.instance-id=sasl-test",
                        "--cardstatus.ingest.partners.fastcourier.zone=Europe/London",
                        "--cardstatus.ingest.partners.swiftpost.zone=Asia/Dubai",
                        "--cardstatus.ingest.partner-topics.shared=false",
                        "--cardstatus.ingest.partner-events-delete-interval=1s"))) {
            send(
                    SECURITY.partner("fastcourier"),
                    topic,
                    "ZYWSASL4",
                    cloudEvent("s-4", "/partners/fastcourier", "ZYWSASL4"));
            send(
                    SECURITY.partner("fastcourier"),
                    topic,
                    "ZYWSASL5",
                    cloudEvent("s-5", "/partners/swiftpost", "ZYWSASL5"));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(values(Topics.REJECTS)).anyMatch(value -> value.contains("s-5")));
            String rejection = values(Topics.REJECTS).stream()
                    .filter(value -> value.contains("s-5"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Json.MAPPER.readValue(rejection, RejectedRow.class).reason())
                    .contains("source '/partners/swiftpost' is not partner 'fastcourier''s");
            List<String> events = values(EventType.PICKED_UP.topic());
            assertThat(events).anyMatch(value -> value.contains("ZYWSASL4"));
            assertThat(events).noneMatch(value -> value.contains("ZYWSASL5"));
            CardEvent event = Json.MAPPER.readValue(
                    events.stream()
                            .filter(value -> value.contains("ZYWSASL4"))
                            .findFirst()
                            .orElseThrow(),
                    CardEvent.class);
            assertThat(event.source().partner()).isEqualTo("fastcourier");
            assertThat(event.source().caller()).isEqualTo("kafka:" + topic);
            // with only local-stack's ACLs, ingest deletes what it consumed from the topic (contract §12)
            TopicPartition partition = new TopicPartition(topic, 0);
            try (Admin admin = Admin.create(SECURITY.admin().clientConfig(broker.bootstrapServers()))) {
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(offset(admin, partition, OffsetSpec.earliest()))
                                .as("the beginning of %s", partition)
                                .isEqualTo(offset(admin, partition, OffsetSpec.latest())));
            }
        }
    }

    private static long offset(Admin admin, TopicPartition partition, OffsetSpec spec) throws Exception {
        return admin.listOffsets(Map.of(partition, spec))
                .partitionResult(partition)
                .get()
                .offset();
    }

    /** The headers of a binary-mode CloudEvent of a pickup of {@code card}. */
    private static List<Header> cloudEvent(String id, String source, String card) {
        return List.of(
                new RecordHeader("ce_specversion", bytes("1.0")),
                new RecordHeader("ce_id", bytes(id)),
                new RecordHeader("ce_source", bytes(source)),
                new RecordHeader("ce_type", bytes("com.zywa.card.picked-up")),
                new RecordHeader("ce_time", bytes("2023-11-20T08:00:00Z")),
                new RecordHeader("ce_subject", bytes(card)),
                new RecordHeader("content-type", bytes("application/json")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends one record as {@code principal} and waits for the broker's answer (an authorization error throws). */
    private static void send(LocalKafkaSecurity.Principal principal, String topic, String key)
            throws InterruptedException, ExecutionException {
        send(principal, topic, key, List.of());
    }

    private static void send(LocalKafkaSecurity.Principal principal, String topic, String key, List<Header> headers)
            throws InterruptedException, ExecutionException {
        Map<String, Object> config = new HashMap<>(principal.clientConfig(broker.bootstrapServers()));
        config.put("max.block.ms", 10_000);
        config.put("delivery.timeout.ms", 10_000);
        config.put("request.timeout.ms", 5_000);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, bytes(key), bytes("{\"phone\":null}"), headers))
                    .get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the broker did not answer within 20 s", e);
        }
    }

    /** The keys of every record of {@code topic}, read as the broker's admin. */
    private static List<String> keys(String topic) {
        return records(topic).stream()
                .map(record -> new String(record.key(), StandardCharsets.UTF_8))
                .toList();
    }

    /** The values of every record of {@code topic}, read as the broker's admin. */
    private static List<String> values(String topic) {
        return records(topic).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        Map<String, Object> config = new HashMap<>(SECURITY.admin().clientConfig(broker.bootstrapServers()));
        config.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
