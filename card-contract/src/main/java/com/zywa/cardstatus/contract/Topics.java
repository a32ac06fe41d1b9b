package com.zywa.cardstatus.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Topic names of the pipeline. Event topics (one per {@link EventType}) and {@link #STATUS} are
 * keyed by card ID and must have the same partition count so they stay co-partitioned.
 */
public final class Topics {

    /** Compacted topic holding the current status of every card, written only by the processor. */
    public static final String STATUS = "card.status";

    /** Rows and events refused at ingest, with the reason, kept for audit and replay. */
    public static final String REJECTS = "card.rejects";

    /** Events the processor could not fold (unreadable, or keyed by something other than their card ID). */
    public static final String EVENTS_DLT = "card.events.DLT";

    /** Status records the projection writer could not store. */
    public static final String STATUS_DLT = "card.status.DLT";

    private Topics() {
    }

    /** The event topics, in lifecycle order. */
    public static List<String> eventTopics() {
        return Arrays.stream(EventType.values()).map(EventType::topic).toList();
    }

    /**
     * Every topic of the pipeline as it should be created: keyed topics share one partition count so they stay
     * co-partitioned, and {@link #STATUS} is compacted.
     */
    public static List<NewTopic> definitions(int partitions, short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : eventTopics()) {
            topics.add(new NewTopic(name, Optional.of(partitions), Optional.of(replicas)));
        }
        topics.add(new NewTopic(STATUS, Optional.of(partitions), Optional.of(replicas))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        for (String name : List.of(REJECTS, EVENTS_DLT, STATUS_DLT)) {
            topics.add(new NewTopic(name, Optional.of(partitions), Optional.of(replicas)));
        }
        return topics;
    }
}
