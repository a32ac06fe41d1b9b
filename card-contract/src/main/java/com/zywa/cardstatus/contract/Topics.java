package com.zywa.cardstatus.contract;

import java.util.Arrays;
import java.util.List;

/**
 * Topic names of the pipeline. Event topics (one per {@link EventType}) and {@link #STATUS} are
 * keyed by card ID and must have the same partition count so they stay co-partitioned.
 */
public final class Topics {

    /** Compacted topic holding the current status of every card, written only by the processor. */
    public static final String STATUS = "card.status";

    /**
     * One CloudEvent ({@link CardStalled}) each time a card stalls (contract §13), keyed by card ID, written only by
     * the processor in the same transaction as the stalled status; read by the notifier.
     */
    public static final String STALLED = "card.stalled";

    /**
     * Partners' own events as CloudEvents 1.0 (Kafka protocol binding, binary or structured mode), keyed by card ID;
     * read by ingest, which validates them and publishes to the event topics or to {@link #REJECTS}. Partner data of
     * record, kept like the event topics.
     */
    public static final String PARTNER_EVENTS = "partner.events";

    /**
     * Prefix of each partner's own inbound topic, {@code partner.events.<name>} (contract §11.3): CloudEvents as on
     * {@link #PARTNER_EVENTS}, but the topic, which only that partner may write where Kafka authorizes, names the
     * partner; a record whose {@code source} is another's is rejected.
     */
    private static final String PARTNER_EVENTS_PREFIX = PARTNER_EVENTS + ".";

    /** Rows and events refused at ingest, with the reason, kept for audit and replay. */
    public static final String REJECTS = "card.rejects";

    /**
     * Events the processor set aside instead of folding: unreadable, keyed by another card, breaking a field limit
     * or their card's bounds, or failing to process or to publish; the reason is in the record's headers.
     */
    public static final String EVENTS_DLT = "card.events.DLT";

    /** Status records the projection could not read, or whose row PostgreSQL refused; the reason in the headers. */
    public static final String STATUS_DLT = "card.status.DLT";

    /**
     * Ops decisions about cards ({@link CardCommand}: accept or discard a quarantined event, assign an owner; contract
     * §11.1), keyed by card ID and co-partitioned with the event topics: the fold reads them with the events. Written
     * by ingest; kept like the event topics, as the record of hand-overs.
     */
    public static final String COMMANDS = "card.commands";

    /**
     * Each card's owner and quarantined events ({@link CardQuarantine}), compacted, keyed by card ID; written only by
     * the processor, in the same transaction as the state that holds them; read by the projection.
     */
    public static final String QUARANTINE = "card.quarantine";

    private Topics() {}

    /** Partner {@code partner}'s own inbound topic, {@code partner.events.<partner>}. */
    public static String partnerEvents(String partner) {
        return PARTNER_EVENTS_PREFIX + partner;
    }

    /** The event topics, in lifecycle order. */
    public static List<String> eventTopics() {
        return Arrays.stream(EventType.values()).map(EventType::topic).toList();
    }
}
