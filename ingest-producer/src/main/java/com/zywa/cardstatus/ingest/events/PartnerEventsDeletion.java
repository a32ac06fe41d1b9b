package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.ingest.IngestMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeletedRecords;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes from {@code partner.events} and every {@code partner.events.<name>} the records ingest has consumed
 * (contract §12): Kafka's DeleteRecords up to the offsets group {@code ingest-partner-events} committed, which it
 * commits in the transaction that published what the records became, so nothing deleted is still to be read. Run
 * every {@link PartnerEventsDeletionSettings#partnerEventsDeleteInterval()}; a failed run (Kafka away, no Delete
 * permission) is logged without any record's content, counted, and tried again at the next one.
 */
class PartnerEventsDeletion {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsDeletion.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final List<String> topics;
    private final IngestMetrics metrics;
    /** The offset each partition was last deleted up to, so an idle partition costs no request. */
    private final Map<TopicPartition, Long> deleted = new HashMap<>();

    PartnerEventsDeletion(Admin admin, PartnerTopics topics, IngestMetrics metrics) {
        this.admin = admin;
        this.topics = List.of(topics.names());
        this.metrics = metrics;
    }

    /** The scheduled run: deletes what was consumed, or logs and counts why it could not. */
    void run() {
        try {
            deleteConsumed();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            metrics.partnerEventsDeleteFailed();
            log.warn(
                    "deleting consumed records from the partner topics failed, tried again at the next run: {}",
                    SafeMessages.rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Deletes every partition's records before the group's committed offset; answers how many partitions it deleted
     * from. A partition that refuses (its records already gone, a leader moving) fails the run after the others.
     */
    int deleteConsumed() throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        PartnerEventsTopicConfig.GROUP)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null
                    && offset.offset() > 0
                    && topics.contains(partition.topic())
                    && offset.offset() != deleted.getOrDefault(partition, 0L)) {
                delete.put(partition, RecordsToDelete.beforeOffset(offset.offset()));
            }
        });
        if (delete.isEmpty()) {
            return 0;
        }
        ExecutionException failed = null;
        int done = 0;
        for (Map.Entry<TopicPartition, KafkaFuture<DeletedRecords>> result :
                admin.deleteRecords(delete).lowWatermarks().entrySet()) {
            try {
                result.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                deleted.put(result.getKey(), delete.get(result.getKey()).beforeOffset());
                done++;
            } catch (ExecutionException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
        log.debug("deleted the consumed records of {} partner topic partitions", done);
        return done;
    }
}
