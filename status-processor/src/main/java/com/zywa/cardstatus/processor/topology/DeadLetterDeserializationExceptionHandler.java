package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.processor.deadletter.DeadLetterWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * {@code deserialization.exception.handler} of the fold: a record that is no event (not JSON, not a card event) is
 * set aside on the DLT, byte for byte, and the fold continues; only if the DLT cannot be written does the fold fail.
 */
public class DeadLetterDeserializationExceptionHandler extends DeadLetterExceptionHandler
        implements DeserializationExceptionHandler {

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        DeadLetterWriter.Origin origin =
                new DeadLetterWriter.Origin(record.topic(), record.partition(), record.offset());
        return setAside(record.key(), record.value(), record.headers(), origin, "could not read the event", exception)
                ? Response.resume()
                : Response.fail();
    }
}
