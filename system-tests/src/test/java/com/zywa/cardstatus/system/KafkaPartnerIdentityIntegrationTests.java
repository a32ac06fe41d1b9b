package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zywa.cardstatus.contract.Topics;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a broker run as {@code LOCAL_KAFKA_SECURITY=sasl ./run-local} runs it (SASL/SCRAM, KRaft's StandardAuthorizer,
 * local-stack's ACLs), the broker says who wrote a partner record (contract §11.3): a partner writes its own
 * {@code partner.events.<name>}, and writing another partner's topic, or the shared {@code partner.events}, is refused
 * with an authorization error, so nothing of it is there to be read, let alone folded. Its own broker: the shared
 * pipeline's is PLAINTEXT; no service runs on it.
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

    /** Sends one record as {@code principal} and waits for the broker's answer (an authorization error throws). */
    private static void send(LocalKafkaSecurity.Principal principal, String topic, String key)
            throws InterruptedException, ExecutionException {
        Map<String, Object> config = new HashMap<>(principal.clientConfig(broker.bootstrapServers()));
        config.put("max.block.ms", 10_000);
        config.put("delivery.timeout.ms", 10_000);
        config.put("request.timeout.ms", 5_000);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            topic, key.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the broker did not answer within 20 s", e);
        }
    }

    /** The keys of every record of {@code topic}, read as the broker's admin. */
    private static List<String> keys(String topic) {
        Map<String, Object> config = new HashMap<>(SECURITY.admin().clientConfig(broker.bootstrapServers()));
        config.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> keys = new ArrayList<>();
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(new String(record.key(), StandardCharsets.UTF_8));
                }
            }
            return keys;
        }
    }
}
