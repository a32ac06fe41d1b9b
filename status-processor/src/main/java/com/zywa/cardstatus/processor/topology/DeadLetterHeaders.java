package com.zywa.cardstatus.processor.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers a dead-letter record carries: the names and encodings spring-kafka's {@code DeadLetterPublishingRecoverer}
 * writes, so that every record on a DLT, whoever set it aside, says why and where it came from the same way.
 */
final class DeadLetterHeaders {

    static final String REASON = "kafka_dlt-exception-message";
    static final String EXCEPTION = "kafka_dlt-exception-fqcn";
    static final String TOPIC = "kafka_dlt-original-topic";
    static final String PARTITION = "kafka_dlt-original-partition";
    static final String OFFSET = "kafka_dlt-original-offset";

    private DeadLetterHeaders() {}

    /** A copy of {@code original} with the reason and origin added; {@code exception} may be null. */
    static Headers with(Headers original, String reason, Class<?> exception, String topic, int partition, long offset) {
        Headers headers = new RecordHeaders(original == null ? null : original.toArray());
        headers.add(REASON, utf8(reason));
        if (exception != null) {
            headers.add(EXCEPTION, utf8(exception.getName()));
        }
        if (topic != null) {
            headers.add(TOPIC, utf8(topic));
            headers.add(
                    PARTITION,
                    ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
            headers.add(OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }
}
