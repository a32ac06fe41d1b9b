package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.DeadLetterConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Sets aside on {@link Topics#STATUS_DLT} a status record the projection cannot store: the value as it was read (or
 * the raw bytes of an unreadable one), with the reason and origin in spring-kafka's dead-letter headers. Returns only
 * once the record is on the topic, so the batch's offsets are committed only after it is kept.
 */
@Component
class ProjectionDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(ProjectionDeadLetters.class);

    private final KafkaTemplate<byte[], byte[]> template;

    ProjectionDeadLetters(@Qualifier(DeadLetterConfig.TEMPLATE) KafkaTemplate<byte[], byte[]> template) {
        this.template = template;
    }

    /** Sets aside a record whose value could not be read. */
    void unreadable(ConsumerRecord<String, CardStatus> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        String reason = failure == null
                ? "record without a value: not a card status"
                : "unreadable: "
                        + SafeMessages.safe(
                                failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
        send(record, failure == null ? null : failure.getData(), reason);
    }

    /** Sets aside a status the database refused, with the database's (value-free) reason. */
    void refused(ConsumerRecord<String, CardStatus> record, String reason) {
        send(record, Json.MAPPER.writeValueAsBytes(record.value()), "refused by the database: " + reason);
    }

    private void send(ConsumerRecord<String, CardStatus> record, byte[] value, String reason) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        try {
            template.send(new ProducerRecord<>(Topics.STATUS_DLT, null, key, value, headers(record, reason)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting a record aside on " + Topics.STATUS_DLT, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not set a record aside on " + Topics.STATUS_DLT, e);
        }
        log.warn(
                "set aside {}-{}@{} on {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                Topics.STATUS_DLT,
                reason);
    }

    private static Headers headers(ConsumerRecord<?, ?> record, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.remove(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        headers.remove(SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER);
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        return headers;
    }
}
