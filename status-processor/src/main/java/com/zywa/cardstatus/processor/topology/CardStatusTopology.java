package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardCommand;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardQuarantine;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The fold as a Kafka Streams topology: every event topic and the ops commands of {@link Topics#COMMANDS} in, the
 * current status of each changed card out on {@link Topics#STATUS}, each stall on {@link Topics#STALLED}, each change
 * of a card's owner or quarantined events on {@link Topics#QUARANTINE}, events it cannot fold out on
 * {@link Topics#EVENTS_DLT} with their reason. Pure: no Spring,
 * no side effects, so tests drive it with {@code TopologyTestDriver}.
 */
public final class CardStatusTopology {

    /** The state store holding each card's folded state (the card state codec's bytes), with a changelog. */
    public static final String STORE = "card-state";

    /** The time index of stalls to come (contract §13): when each card stalls, then its ID; with a changelog. */
    public static final String STALL_INDEX = "stall-index";

    private CardStatusTopology() {}

    /** {@link #build(StreamsBuilder, FoldReasons, StallSchedule)} with the default stall rules. */
    public static KStream<String, byte[]> build(StreamsBuilder builder, FoldReasons reasons) {
        return build(builder, reasons, StallSchedule.DEFAULTS);
    }

    /**
     * Adds the topology to {@code builder} and returns the stream of status records (JSON) it publishes, their reasons
     * given by {@code reasons}, cards stalled by {@code stalls}.
     */
    public static KStream<String, byte[]> build(StreamsBuilder builder, FoldReasons reasons, StallSchedule stalls) {
        // each card's state, keyed by card ID; timestamped, as the aggregate that first wrote its changelog
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()));
        // when each card that can stall stalls, soonest first: the wall-clock check scans only what is due
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STALL_INDEX), Serdes.Bytes(), Serdes.ByteArray()));

        // all event topics, keyed by card ID and co-partitioned, read as one stream
        KStream<String, CardEvent> events = builder.stream(
                Topics.eventTopics(),
                Consumed.with(Serdes.String(), JsonSerde.cardEvents()).withName("card-events"));
        // ops decisions (contract §11.1), keyed by card ID and co-partitioned with the events: folded with them, in the
        // same transaction; an unreadable command is skipped by the deserialization handler like an unreadable event
        KStream<String, Object> inputs = events.mapValues(event -> (Object) event, Named.as("events-in"))
                .merge(
                        builder.stream(
                                        Topics.COMMANDS,
                                        Consumed.with(Serdes.String(), new JsonSerde<>(CardCommand.class))
                                                .withName("card-commands"))
                                .filter((cardId, command) -> command != null, Named.as("commands-with-value"))
                                .mapValues(command -> (Object) command, Named.as("commands-in")),
                        Named.as("events-and-commands"));

        // fold each event into its card's state and map the reasons of its status; duplicates and late older events
        // are absorbed, and an event keyed by another card or past the card's bounds is set aside instead; on the
        // wall clock, stall the cards whose stall is due
        KStream<String, FoldOutcome> outcomes =
                inputs.process(() -> new FoldProcessor(reasons, stalls), Named.as("fold"), STORE, STALL_INDEX);

        // set-aside events go to the dead-letter topic, their reason in the headers
        outcomes.filter((cardId, outcome) -> outcome.isSetAside(), Named.as("not-folded"))
                .mapValues(FoldOutcome::setAside, Named.as("set-aside-event"))
                .to(
                        Topics.EVENTS_DLT,
                        Produced.with(Serdes.String(), JsonSerde.cardEvents()).withName("set-aside"));

        // publish the current status; card.status is compacted, so it always holds the latest per card
        KStream<String, byte[]> statuses = outcomes.filter(
                        (cardId, outcome) -> outcome.isFolded(), Named.as("changed-cards"))
                .mapValues(FoldOutcome::status, Named.as("current-status"));
        statuses.to(
                Topics.STATUS,
                Produced.with(Serdes.String(), Serdes.ByteArray()).withName("publish-status"));

        // publish each card's owner and quarantined events when they change, for the projection's ops listing
        outcomes.filter((cardId, outcome) -> outcome.isQuarantine(), Named.as("quarantine-changed"))
                .mapValues(FoldOutcome::quarantine, Named.as("card-quarantine"))
                .to(
                        Topics.QUARANTINE,
                        Produced.with(Serdes.String(), new JsonSerde<>(CardQuarantine.class))
                                .withName("publish-quarantine"));

        // publish each stall once, as a structured CloudEvent, in the same transaction as the stalled status
        outcomes.filter((cardId, outcome) -> outcome.isStall(), Named.as("stalled-cards"))
                .processValues(StalledCloudEvent::new, Named.as("stall-event"))
                .to(
                        Topics.STALLED,
                        Produced.with(Serdes.String(), Serdes.ByteArray()).withName("publish-stall"));
        return statuses;
    }
}
