package com.zywa.cardstatus.system;

import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardStalled;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads and writes raw records on the shared broker, as a hostile producer or an engineer inspecting a dead-letter
 * topic would: bytes in, bytes out, committed records only.
 */
final class TopicReader {

    private final String bootstrapServers;

    TopicReader(Pipeline pipeline) {
        this(pipeline.bootstrapServers());
    }

    TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** How many times each stall (its CloudEvent id: card and version) is on card.stalled, committed ones only. */
    Map<String, Long> stallIds() {
        Map<String, Long> ids = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : read(Topics.STALLED, any -> true)) {
            ids.merge(Json.MAPPER.readValue(record.value(), CardStalled.class).id(), 1L, Long::sum);
        }
        return ids;
    }

    /** Waits until {@code topic} holds a committed record matching {@code wanted}, and returns all that match. */
    List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> read(topic, wanted), found -> !found.isEmpty());
    }

    /**
     * Waits until {@code card.rejects} holds a rejection whose reason or raw text holds {@code text} and returns it,
     * its raw text opened through {@code vault} (ingest seals a raw text that holds a phone, contract §12).
     */
    RejectedRow awaitRejection(PhoneVault vault, String text) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> {
                            List<RejectedRow> rows = read(Topics.REJECTS, any -> true).stream()
                                    .map(record -> Json.MAPPER.readValue(record.value(), RejectedRow.class))
                                    .toList();
                            Map<String, String> opened = vault.open(rows.stream()
                                    .map(RejectedRow::raw)
                                    .filter(java.util.Objects::nonNull)
                                    .toList());
                            return rows.stream()
                                    .map(row -> new RejectedRow(
                                            row.uploadId(),
                                            row.partner(),
                                            row.file(),
                                            row.line(),
                                            row.reason(),
                                            row.raw() == null ? null : opened.get(row.raw())))
                                    .filter(row -> row.reason().contains(text)
                                            || (row.raw() != null && row.raw().contains(text)))
                                    .findFirst();
                        },
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Every committed record of {@code topic} matching {@code wanted}, from the beginning to its current end. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrapServers,
                        "isolation.level",
                        "read_committed",
                        "enable.auto.commit",
                        "false"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    /** Writes {@code records} (topic, key, value) in one transaction, as one batch for whoever reads them. */
    void writeInOneTransaction(List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers, "transactional.id", "poison-test-" + System.nanoTime()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.commitTransaction();
        }
    }

    static boolean keyed(ConsumerRecord<byte[], byte[]> record, String key) {
        return record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals(key);
    }

    /** The text of the last header named {@code name}, or null. */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
