package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.deadletter.DeadLetterWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Sets aside on {@link Topics#STATUS_DLT} a status record the projection cannot store: the value as it was read (or
 * the raw bytes of an unreadable one), with the reason and origin {@link DeadLetterWriter} adds. Returns only once the
 * record is on the topic, so the batch's offsets are committed only after it is kept.
 */
@Component
class ProjectionDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(ProjectionDeadLetters.class);

    private final DeadLetterWriter writer;

    ProjectionDeadLetters(DeadLetterWriter writer) {
        this.writer = writer;
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

    private void send(ConsumerRecord<String, CardStatus> record, byte @Nullable [] value, String reason) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        // the deserializer's own headers describe a failure the reason already words, and may echo the bytes
        Headers source = new RecordHeaders(record.headers().toArray());
        source.remove(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        source.remove(SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER);
        DeadLetterWriter.Origin origin =
                new DeadLetterWriter.Origin(record.topic(), record.partition(), record.offset());
        writer.send(new ProducerRecord<>(
                Topics.STATUS_DLT, null, key, value, DeadLetterWriter.headers(source, reason, null, origin)));
        log.warn("set aside {} on {}: {}", origin, Topics.STATUS_DLT, reason);
    }
}
