package com.zywa.cardstatus.support;

import com.zywa.cardstatus.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pipeline's topics are created when missing ({@code cardstatus.topics.*}), the one place their settings are
 * written: the same partition count for every keyed topic (so they stay co-partitioned), replication and the in-sync
 * replicas a write needs, and how long each kind of record is kept. Event topics are the system of record, so they
 * keep their records forever unless {@code eventRetention} is set; the partners' inbound {@code partner.events} is a
 * transport (what ingest read from it is on the event topics or {@code card.rejects}) holding phones in clear, and
 * rejected input and dead letters hold raw partner data, so those are kept for a limited time.
 *
 * @param partitions partitions of every keyed topic; choose it before the first start, adding partitions later moves
 *     cards to other partitions
 * @param replicas replication factor of the topics created at start-up (and of the fold's own topics)
 * @param minInsyncReplicas in-sync replicas a write to any topic needs (acks=all)
 * @param eventRetention how long the event topics keep records; unset, forever: they are the system of record
 * @param rejectsRetention how long rejected input's raw text is kept: the retention of {@code card.rejects}, and the
 *     age after which ingest purges it from its stored row issues
 * @param deadLetterRetention how long the dead-letter topics keep what the fold and the projection set aside
 * @param partnerEventsRetention how long {@code partner.events} and {@code partner.events.<name>} keep what partners wrote (contract §12); ingest
 *     must have read a record within it
 */
@ConfigurationProperties("cardstatus.topics")
public record TopicSettings(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("1") int minInsyncReplicas,
        @Nullable Duration eventRetention,
        @DefaultValue("30d") Duration rejectsRetention,
        @DefaultValue("30d") Duration deadLetterRetention,
        @DefaultValue("7d") Duration partnerEventsRetention) {

    /** The name Spring Boot gives this record's bean ({@code <prefix>-<class name>}), for SpEL in annotations. */
    public static final String BEAN = "cardstatus.topics-com.zywa.cardstatus.support.TopicSettings";

    /** Every topic of the pipeline as it should be created. */
    public List<NewTopic> newTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : Topics.eventTopics()) {
            topics.add(topic(name, retention(eventRetention)));
        }
        topics.add(topic(Topics.PARTNER_EVENTS, retention(partnerEventsRetention)));
        topics.add(topic(Topics.STATUS, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(topic(Topics.STALLED, retention(eventRetention)));
        topics.add(topic(Topics.COMMANDS, retention(eventRetention)));
        topics.add(topic(
                Topics.QUARANTINE, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(topic(Topics.REJECTS, retention(rejectsRetention)));
        topics.add(topic(Topics.EVENTS_DLT, retention(deadLetterRetention)));
        topics.add(topic(Topics.STATUS_DLT, retention(deadLetterRetention)));
        return topics;
    }

    /**
     * Partner {@code partner}'s own inbound topic ({@code partner.events.<partner>}, contract §11.3), created like
     * {@code partner.events}: what the partner wrote, phones in clear, kept {@code partnerEventsRetention} (a
     * transport: what ingest read from it is on the event topics or {@code card.rejects}).
     */
    public NewTopic partnerTopic(String partner) {
        return topic(Topics.partnerEvents(partner), retention(partnerEventsRetention));
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        Map<String, String> all = new HashMap<>(configs);
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
        return new NewTopic(name, Optional.of(partitions), Optional.of(replicas)).configs(all);
    }

    /** {@code retention.ms} for a kept time; none given means kept forever. */
    private static Map<String, String> retention(@Nullable Duration kept) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, kept == null ? "-1" : String.valueOf(kept.toMillis()));
    }
}
