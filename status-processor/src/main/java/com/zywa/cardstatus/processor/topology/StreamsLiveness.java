package com.zywa.cardstatus.processor.topology;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Ties the pod's liveness to the fold: once Kafka Streams has started, falling into an error state, or stopping
 * while the application is not shutting down, marks the application BROKEN, so Kubernetes restarts it.
 */
@Component
class StreamsLiveness implements KafkaStreams.StateListener, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StreamsLiveness.class);

    private final ApplicationEventPublisher events;
    private volatile boolean started;
    private volatile boolean closing;
    private volatile boolean broken;

    StreamsLiveness(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState.isRunningOrRebalancing()) {
            started = true;
        }
        boolean dead = newState == KafkaStreams.State.ERROR
                || newState == KafkaStreams.State.PENDING_ERROR
                || (newState == KafkaStreams.State.NOT_RUNNING && started && !closing);
        if (dead && !broken) {
            broken = true;
            log.error("the fold stopped (Kafka Streams {} -> {}); liveness is now BROKEN", oldState, newState);
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }
}
