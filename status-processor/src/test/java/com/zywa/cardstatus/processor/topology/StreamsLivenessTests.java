package com.zywa.cardstatus.processor.topology;

import static org.apache.kafka.streams.KafkaStreams.State.CREATED;
import static org.apache.kafka.streams.KafkaStreams.State.ERROR;
import static org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING;
import static org.apache.kafka.streams.KafkaStreams.State.PENDING_ERROR;
import static org.apache.kafka.streams.KafkaStreams.State.PENDING_SHUTDOWN;
import static org.apache.kafka.streams.KafkaStreams.State.REBALANCING;
import static org.apache.kafka.streams.KafkaStreams.State.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

class StreamsLivenessTests {

    private final List<Object> published = new ArrayList<>();
    private final StreamsLiveness liveness = new StreamsLiveness(published::add);

    @Test
    void breaksLivenessOnceWhenTheFoldFallsIntoError() {
        liveness.onChange(REBALANCING, CREATED);
        liveness.onChange(RUNNING, REBALANCING);
        liveness.onChange(PENDING_ERROR, RUNNING);
        liveness.onChange(ERROR, PENDING_ERROR);

        assertThat(published)
                .singleElement()
                .isInstanceOfSatisfying(
                        AvailabilityChangeEvent.class,
                        event -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
    }

    @Test
    void breaksLivenessWhenARunningFoldStopsWhileTheApplicationRuns() {
        liveness.onChange(RUNNING, REBALANCING);
        liveness.onChange(PENDING_SHUTDOWN, RUNNING);
        liveness.onChange(NOT_RUNNING, PENDING_SHUTDOWN);

        assertThat(published).hasSize(1);
    }

    @Test
    void leavesLivenessAloneWhenTheApplicationShutsTheFoldDown() {
        liveness.onChange(RUNNING, REBALANCING);
        liveness.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
        liveness.onChange(PENDING_SHUTDOWN, RUNNING);
        liveness.onChange(NOT_RUNNING, PENDING_SHUTDOWN);

        assertThat(published).isEmpty();
    }
}
