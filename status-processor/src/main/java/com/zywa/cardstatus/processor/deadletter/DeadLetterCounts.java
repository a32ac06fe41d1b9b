package com.zywa.cardstatus.processor.deadletter;

import com.zywa.cardstatus.contract.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many records the dead-letter topics have received in all: the sum of their partitions' end offsets, read from
 * the broker every minute and served as {@code cardstatus_dead_letter_records{topic}}, so an alert can watch them grow
 * whoever wrote them (the fold's transaction, its exception handlers, the projection). A failed read keeps the last.
 */
public final class DeadLetterCounts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterCounts.class);
    private static final List<String> TOPICS = List.of(Topics.EVENTS_DLT, Topics.STATUS_DLT);

    private final Admin admin;
    private final Map<String, Double> ends = new ConcurrentHashMap<>();

    public DeadLetterCounts(Admin admin, MeterRegistry meters) {
        this.admin = admin;
        for (String topic : TOPICS) {
            ends.put(topic, Double.NaN);
            Gauge.builder("cardstatus.dead.letter.records", ends, e -> e.get(topic))
                    .description("Records the dead-letter topic received in all (its partitions' end offsets)")
                    .tag("topic", topic)
                    .register(meters);
        }
    }

    /** Reads each dead-letter topic's end offsets again. */
    public void refresh() {
        for (String topic : TOPICS) {
            try {
                List<TopicPartition> partitions = admin
                        .describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                Map<TopicPartition, OffsetSpec> latest =
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                long total = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                        .mapToLong(info -> info.offset())
                        .sum();
                ends.put(topic, (double) total);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.debug("could not read the end offsets of {}: {}", topic, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
