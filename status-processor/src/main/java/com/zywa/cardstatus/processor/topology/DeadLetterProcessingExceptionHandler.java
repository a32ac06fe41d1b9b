package com.zywa.cardstatus.processor.topology;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * {@code processing.exception.handler} of the fold (KIP-1033): an event whose processing throws is set aside on the
 * DLT and the fold continues with the next one; only if the DLT cannot be written does the fold fail.
 */
public class DeadLetterProcessingExceptionHandler extends DeadLetterExceptionHandler
        implements ProcessingExceptionHandler {

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String what = "processing failed in " + context.processorNodeId();
        return setAside(context, record.key(), what, exception)
                ? ProcessingHandlerResponse.CONTINUE
                : ProcessingHandlerResponse.FAIL;
    }
}
