package com.zywa.cardstatus.bench;

import com.zywa.cardstatus.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether the pipeline has caught up: the fold has consumed every committed event and the projection writer every
 * committed status. Asks the broker only, so waiting for the end of a run does not load PostgreSQL, and reads the
 * log itself only when the offsets alone cannot tell, so that waiting costs the broker (and the measured stack that
 * shares the machine) little.
 */
final class PipelineLag implements AutoCloseable {

    private static final String FOLD_GROUP = "card-status-processor";
    private static final String PROJECTION_GROUP = "status-projection";
    /** A gap of at most this many offsets may be transaction markers only: the log is read to tell, every time. */
    private static final long NEAR = 1_000;
    /** A larger gap is records still to consume, unless aborted records fill it: the log is read for that once a second. */
    private static final long FULL_CHECK_NANOS = 1_000_000_000L;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final List<TopicPartition> eventPartitions;
    private final List<TopicPartition> statusPartitions;
    private long nextFullCheck = System.nanoTime();

    PipelineLag(String bootstrapServers) throws ExecutionException, InterruptedException {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
        reader = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrapServers,
                        "isolation.level",
                        "read_committed",
                        "enable.auto.commit",
                        "false",
                        "max.poll.records",
                        "1",
                        "max.partition.fetch.bytes",
                        "1024"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        eventPartitions = partitions(Topics.eventTopics());
        statusPartitions = partitions(List.of(Topics.STATUS));
    }

    /** True when neither the fold nor the projection writer has a committed record left to read. */
    boolean caughtUp() throws ExecutionException, InterruptedException {
        boolean full = System.nanoTime() - nextFullCheck >= 0;
        if (full) {
            nextFullCheck = System.nanoTime() + FULL_CHECK_NANOS;
        }
        return caughtUp(FOLD_GROUP, eventPartitions, full) && caughtUp(PROJECTION_GROUP, statusPartitions, full);
    }

    private boolean caughtUp(String group, List<TopicPartition> partitions, boolean full)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, Long> stable = lastStableOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset == null ? 0 : offset.offset();
            long gap = stable.get(partition) - position;
            if (gap > NEAR && !full) {
                return false;
            }
            // transaction markers and aborted records sit between the two without being anything to consume
            if (gap > 0 && hasRecords(partition, position, stable.get(partition))) {
                return false;
            }
        }
        return true;
    }

    private Map<TopicPartition, Long> lastStableOffsets(List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get()
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private boolean hasRecords(TopicPartition partition, long from, long to) {
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        ConsumerRecords<byte[], byte[]> records = reader.poll(Duration.ofMillis(500));
        return records.records(partition).stream().anyMatch(record -> record.offset() < to);
    }

    private List<TopicPartition> partitions(List<String> topics) throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((name, description) ->
                        description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }

    @Override
    public void close() {
        reader.close();
        admin.close();
    }
}
