package com.zywa.cardstatus.processor.topology;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * {@code production.exception.handler} of the fold, a safety net behind the card bounds: when a record the fold
 * produces (status, changelog) is too large or cannot be serialised, its source event is set aside on the DLT and the
 * fold continues; any other send error fails as by default (Kafka Streams retries what is transient).
 */
public class DeadLetterProductionExceptionHandler extends DeadLetterExceptionHandler
        implements ProductionExceptionHandler {

    @Override
    public ProductionExceptionHandlerResponse handle(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return ProductionExceptionHandlerResponse.FAIL;
        }
        return respond(setAside(context, null, "could not write to " + record.topic(), exception));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        String what = "could not serialise the " + origin.name().toLowerCase() + " for " + record.topic();
        return respond(setAside(context, record.key(), what, exception));
    }

    private static ProductionExceptionHandlerResponse respond(boolean setAside) {
        return setAside ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
    }
}
