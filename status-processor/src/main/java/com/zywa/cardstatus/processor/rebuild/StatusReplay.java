package com.zywa.cardstatus.processor.rebuild;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.CardStatusDeserializer;
import com.zywa.cardstatus.contract.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code card.status} from its first record up to the end it had when the replay began, with a consumer of its
 * own that belongs to no group (nothing committed, so the live projection writer's group is untouched). Each batch
 * holds the newest status of each card it read; a record that cannot be read is skipped and counted (the live writer
 * set it aside on {@code card.status.DLT} when it met it).
 */
final class StatusReplay implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final CardStatusDeserializer statuses = new CardStatusDeserializer();
    private final Map<TopicPartition, Long> end;
    private final long total;
    private long unreadable;

    StatusReplay(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.STATUS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.end = Map.copyOf(consumer.endOffsets(partitions));
        Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
        this.total =
                partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
    }

    /** Records between the topic's start and the end this replay reads to (transaction markers included). */
    long total() {
        return total;
    }

    /** Records (and markers) still to read before the end this replay reads to. */
    long remaining() {
        return end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - consumer.position(e.getKey())))
                .sum();
    }

    boolean done() {
        return remaining() == 0;
    }

    long unreadable() {
        return unreadable;
    }

    /** The next batch: the newest status of each card read (records past the end included, being newer still). */
    List<CardStatus> next() {
        Map<String, CardStatus> newest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            CardStatus status = read(record);
            if (status != null) {
                newest.merge(status.cardId(), status, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return List.copyOf(newest.values());
    }

    private @Nullable CardStatus read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return statuses.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            unreadable++;
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
