package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the fold's processing and production exception handlers share: the source record that could not be folded or
 * published is copied, raw, to {@link Topics#EVENTS_DLT} with the reason and its origin in the headers.
 */
abstract class DeadLetterExceptionHandler implements Configurable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);
    private static final int MAX_REASON = 2_000;

    private DeadLetterSink sink;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(DeadLetterSink.CONFIG) instanceof DeadLetterSink configured)) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + " needs a DeadLetterSink in " + DeadLetterSink.CONFIG);
        }
        this.sink = configured;
    }

    /** Sets the source record aside; true once it is on the DLT, false (logged at ERROR) if that failed. */
    protected boolean setAside(ErrorHandlerContext context, Object key, String what, Exception exception) {
        String reason = abbreviate(what + ": " + exception);
        byte[] rawKey = context.sourceRawKey() != null || key == null
                ? context.sourceRawKey()
                : key.toString().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                Topics.EVENTS_DLT,
                null,
                rawKey,
                context.sourceRawValue(),
                DeadLetterHeaders.with(
                        context.headers(),
                        reason,
                        exception.getClass(),
                        context.topic(),
                        context.partition(),
                        context.offset()));
        try {
            sink.send(record);
            log.warn(
                    "set aside {}-{}@{} on {}: {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    Topics.EVENTS_DLT,
                    reason);
            return true;
        } catch (Exception e) {
            log.error(
                    "could not set aside {}-{}@{} on {} ({}); failing instead",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    Topics.EVENTS_DLT,
                    reason,
                    e);
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
