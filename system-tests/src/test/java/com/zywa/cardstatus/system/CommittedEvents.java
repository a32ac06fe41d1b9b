package com.zywa.cardstatus.system;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Every committed event on the event topics (read_committed, from the beginning to the current end), as the fold
 * sees them: what a failure test counts against what the ingest acknowledged.
 */
final class CommittedEvents {

    /** One event: its card, its ID, and the upload it came from (null for partner API events). */
    record Event(String cardId, String eventId, String uploadId) {}

    private CommittedEvents() {}

    static List<Event> read(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrapServers,
                        "isolation.level",
                        "read_committed",
                        "enable.auto.commit",
                        "false",
                        "max.poll.records",
                        "5000"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.eventTopics()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<Event> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading the event topics took over 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(event(record));
                }
            }
            return events;
        }
    }

    private static Event event(ConsumerRecord<byte[], byte[]> record) {
        JsonNode event = Json.MAPPER.readTree(record.value());
        JsonNode source = event.get("source");
        JsonNode upload = source == null ? null : source.get("upload_id");
        return new Event(
                event.get("card_id").asString(),
                event.get("event_id").asString(),
                upload == null || upload.isNull() ? null : upload.asString());
    }
}
