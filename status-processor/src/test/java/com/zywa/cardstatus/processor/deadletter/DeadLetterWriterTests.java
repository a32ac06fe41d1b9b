package com.zywa.cardstatus.processor.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/** Every dead-letter record says why and where from as spring-kafka's own recoverer would, with the reason capped. */
class DeadLetterWriterTests {

    private static final List<String> DEAD_LETTER_HEADERS = List.of(
            KafkaHeaders.DLT_EXCEPTION_MESSAGE,
            KafkaHeaders.DLT_EXCEPTION_FQCN,
            KafkaHeaders.DLT_ORIGINAL_TOPIC,
            KafkaHeaders.DLT_ORIGINAL_PARTITION,
            KafkaHeaders.DLT_ORIGINAL_OFFSET);

    @Test
    void writesTheBytesSpringKafkasDeadLetterRecovererWritesAndKeepsTheSourceHeaders() {
        ConsumerRecord<byte[], byte[]> source =
                new ConsumerRecord<>("card.picked-up", 3, 42L, utf8("ZYW1"), utf8("{}"));
        source.headers().add("traceparent", utf8("00-abc-01"));
        IllegalStateException failure = new IllegalStateException("cannot fold");

        Headers ours = DeadLetterWriter.headers(
                source.headers(),
                failure.getMessage(),
                failure.getClass(),
                new DeadLetterWriter.Origin(source.topic(), source.partition(), source.offset()));
        Headers springKafkas = recoveredBySpringKafka(source, failure);

        for (String name : DEAD_LETTER_HEADERS) {
            assertThat(ours.lastHeader(name).value())
                    .as(name)
                    .isEqualTo(springKafkas.lastHeader(name).value());
        }
        assertThat(ours.lastHeader("traceparent").value()).isEqualTo(utf8("00-abc-01"));
    }

    @Test
    void capsTheReasonAsEveryStoredReasonIsCapped() {
        String reason = "a reason that goes on " + "and on ".repeat(1_000);

        Headers headers = DeadLetterWriter.headers(null, reason, null, null);

        String written = new String(
                headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(), StandardCharsets.UTF_8);
        assertThat(written).hasSize(InputLimits.REASON_CHARS).isEqualTo(InputLimits.reason(reason));
    }

    @Test
    void writesOnlyTheReasonWhenNoExceptionAndNoOriginIsKnown() {
        Headers headers = DeadLetterWriter.headers(null, "keyed by another card", null, null);

        assertThat(headers.toArray()).extracting(Header::key).containsExactly(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
    }

    private static Headers recoveredBySpringKafka(ConsumerRecord<byte[], byte[]> source, Exception failure) {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        new DeadLetterPublishingRecoverer(
                        new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
                        (record, e) -> new TopicPartition(Topics.EVENTS_DLT, -1))
                .accept(source, failure);
        return producer.history().get(0).headers();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
