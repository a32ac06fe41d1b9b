package com.zywa.cardstatus.processor.deadletter;

import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The processor's one writer of dead-letter records ({@link Topics#EVENTS_DLT}, {@link Topics#STATUS_DLT}): each
 * keeps the source record's headers and gains spring-kafka's dead-letter headers, in the bytes its
 * {@code DeadLetterPublishingRecoverer} writes: the reason (capped by {@link InputLimits#reason}), the exception's
 * class when an exception set the record aside, the original topic, partition (4 bytes) and offset (8 bytes,
 * big-endian).
 *
 * <p>Only the fold's own set-aside branch is exactly-once: Kafka Streams produces that record, with the headers made
 * here, in the same transaction as the fold's state, its status records and its input offsets, so it is on the topic
 * once, and only if that transaction commits. Every other route goes through {@link #send}, on a producer of its own
 * without a transaction, and returns once the broker has acknowledged the record: the fold's exception handlers (a
 * record it cannot read, process or publish) send outside the fold's transaction, the projection before its consumer
 * commits the batch's offsets. Those records are written at least once (again if that transaction aborts or that
 * commit is lost, and kept even then), and read-committed consumers see them at once.
 */
public final class DeadLetterWriter {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<byte[], byte[]> template;

    public DeadLetterWriter(KafkaTemplate<byte[], byte[]> template) {
        this.template = template;
    }

    /** Where a record that is set aside was read. */
    public record Origin(String topic, int partition, long offset) {

        /** As logs show it: {@code card.picked-up-1@42}. */
        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /**
     * A copy of {@code source} with the dead-letter headers added; {@code exception} is null when no exception set
     * the record aside, {@code origin} when it is not known.
     */
    public static Headers headers(
            @Nullable Headers source, String reason, @Nullable Class<?> exception, @Nullable Origin origin) {
        Headers headers = new RecordHeaders(source == null ? null : source.toArray());
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(InputLimits.reason(reason)));
        if (exception != null) {
            headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(exception.getName()));
        }
        if (origin != null) {
            headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(origin.topic()));
            headers.add(
                    KafkaHeaders.DLT_ORIGINAL_PARTITION,
                    ByteBuffer.allocate(Integer.BYTES)
                            .putInt(origin.partition())
                            .array());
            headers.add(
                    KafkaHeaders.DLT_ORIGINAL_OFFSET,
                    ByteBuffer.allocate(Long.BYTES).putLong(origin.offset()).array());
        }
        return headers;
    }

    /** Puts {@code record} on its topic, outside any transaction; returns once it is acknowledged, else throws. */
    public void send(ProducerRecord<byte[], byte[]> record) {
        try {
            template.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting a record aside on " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not set a record aside on " + record.topic(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
