package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.fold.CardState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The fold as a Kafka Streams topology: every event topic in, the current status of each changed card out on
 * {@link Topics#STATUS}. Pure: no Spring, no side effects, so tests drive it with {@code TopologyTestDriver}.
 */
public final class CardStatusTopology {

    /** The state store holding each card's folded state, backed by a compacted changelog. */
    public static final String STORE = "card-state";

    private CardStatusTopology() {
    }

    /** Adds the topology to {@code builder} and returns the stream of status changes it emits. */
    public static KStream<String, CardStatus> build(StreamsBuilder builder) {
        // all event topics, keyed by card ID and co-partitioned, read as one stream
        KStream<String, CardEvent> events = builder.stream(Topics.eventTopics(),
                Consumed.with(Serdes.String(), JsonSerde.cardEvents()).withName("card-events"));

        // an event keyed by anything but its card ID would be folded on the wrong partition: set it aside
        events.filter((key, event) -> event != null && !event.cardId().equals(key), Named.as("keyed-by-another-card"))
                .to(Topics.EVENTS_DLT, Produced.with(Serdes.String(), JsonSerde.cardEvents()).withName("set-aside"));

        // fold each card's events into its state; the fold absorbs duplicates and late older events
        KStream<String, CardStatus> statuses = events
                .filter((cardId, event) -> event != null && event.cardId().equals(cardId), Named.as("keyed-by-its-card"))
                .groupByKey(Grouped.with(Serdes.String(), JsonSerde.cardEvents()))
                .aggregate(() -> null,
                        (cardId, event, state) -> (state == null ? CardState.empty(cardId) : state).apply(event),
                        Named.as("fold"),
                        Materialized.<String, CardState, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(CardStateSerde.create()))
                .toStream(Named.as("changed-cards"))
                .mapValues(CardState::toStatus, Named.as("current-status"));

        // publish the current status; card.status is compacted, so it always holds the latest per card
        statuses.to(Topics.STATUS, Produced.with(Serdes.String(), new JsonSerde<>(CardStatus.class)).withName("publish-status"));
        return statuses;
    }
}
