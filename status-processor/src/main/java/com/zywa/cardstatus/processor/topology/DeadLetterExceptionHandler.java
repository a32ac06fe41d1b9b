package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.deadletter.DeadLetterWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the fold's deserialization, processing and production exception handlers share: the source record that could
 * not be read, folded or published is copied, raw, to {@link Topics#EVENTS_DLT} through the {@link DeadLetterSink},
 * with the reason and its origin in the headers {@link DeadLetterWriter} makes.
 */
abstract class DeadLetterExceptionHandler implements Configurable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private DeadLetterSink sink;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(DeadLetterSink.CONFIG) instanceof DeadLetterSink configured)) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + " needs a DeadLetterSink in " + DeadLetterSink.CONFIG);
        }
        this.sink = configured;
    }

    /** Sets aside the source record of {@code context}; its key is {@code key}'s text when the raw key is not known. */
    protected boolean setAside(ErrorHandlerContext context, @Nullable Object key, String what, Exception exception) {
        byte[] rawKey = context.sourceRawKey() != null || key == null
                ? context.sourceRawKey()
                : key.toString().getBytes(StandardCharsets.UTF_8);
        return setAside(
                rawKey,
                context.sourceRawValue(),
                context.headers(),
                new DeadLetterWriter.Origin(context.topic(), context.partition(), context.offset()),
                what,
                exception);
    }

    /** Sets aside a source record; true once it is on the DLT, false (logged at ERROR) if that failed. */
    protected boolean setAside(
            byte @Nullable [] key,
            byte @Nullable [] value,
            @Nullable Headers headers,
            DeadLetterWriter.Origin origin,
            String what,
            Exception exception) {
        String reason = what + ": " + exception;
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                Topics.EVENTS_DLT,
                null,
                key,
                value,
                DeadLetterWriter.headers(headers, reason, exception.getClass(), origin));
        try {
            sink.send(record);
            log.warn("set aside {} on {}: {}", origin, Topics.EVENTS_DLT, reason);
            return true;
        } catch (Exception e) {
            log.error("could not set aside {} on {} ({}); failing instead", origin, Topics.EVENTS_DLT, reason, e);
            return false;
        }
    }
}
