package com.zywa.cardstatus.processor.projection;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Words the refusal to start on another Kafka history as Boot's start-up failure report (one ERROR): what was found,
 * what was expected, and the two ways out.
 */
class OtherKafkaHistoryFailureAnalyzer extends AbstractFailureAnalyzer<OtherKafkaHistoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OtherKafkaHistoryException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ": Kafka's history was wiped or replaced. The fold starts "
                        + "over on it with new versions, which the projection's version guard would ignore, so the processor "
                        + "does not start rather than silently drop new events.",
                "Either point the processor at the Kafka the projection was built from (restore it, or correct "
                        + "spring.kafka.bootstrap-servers), or rebuild the projection from this Kafka: start the "
                        + "processor once with " + ProjectionOrigin.REBUILD_PROPERTY + "=true, which empties "
                        + "card_status and refills it from this Kafka's events (lookups answer 404 for cards not yet "
                        + "refilled), or empty it yourself (TRUNCATE the current generation, card_status_g<N> with N the current row "
                        + "of projection_generation) and start again.",
                cause);
    }
}
