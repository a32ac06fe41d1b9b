package com.zywa.cardstatus.processor.topology;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a fold thread dies of an exception no handler took: the thread is replaced a bounded number of
 * times (a transient fault heals), after that the client shuts down, so liveness fails and the pod is restarted.
 */
final class FoldCrashPolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FoldCrashPolicy.class);

    private final int maxReplacements;
    private final AtomicInteger replacements = new AtomicInteger();

    FoldCrashPolicy(int maxReplacements) {
        this.maxReplacements = maxReplacements;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        int replacement = replacements.incrementAndGet();
        if (replacement <= maxReplacements) {
            log.error(
                    "fold thread died; replacing it ({} of at most {} replacements)",
                    replacement,
                    maxReplacements,
                    exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        log.error(
                "fold thread died after {} replacements; shutting the fold down so the pod is restarted",
                maxReplacements,
                exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
