package com.zywa.cardstatus.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSettingsTests {

    @Test
    void keepsEventsForeverAndRawPartnerDataAndInboundRecordsForTheirRetentionOnEveryTopicOfTheLayout() {
        Map<String, NewTopic> topics = byName(
                new TopicSettings(6, (short) 3, 2, null, Duration.ofDays(30), Duration.ofDays(14), Duration.ofDays(7))
                        .newTopics());

        assertThat(topics)
                .containsOnlyKeys(
                        "card.picked-up",
                        "card.delivery-exception",
                        "card.delivered",
                        "card.returned",
                        Topics.PARTNER_EVENTS,
                        Topics.STATUS,
                        Topics.STALLED,
                        Topics.COMMANDS,
                        Topics.QUARANTINE,
                        Topics.REJECTS,
                        Topics.EVENTS_DLT,
                        Topics.STATUS_DLT);
        assertThat(topics.values()).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(topics.get("card.delivered").configs()).containsEntry("retention.ms", "-1");
        assertThat(topics.get(Topics.STALLED).configs()).containsEntry("retention.ms", "-1");
        assertThat(topics.get(Topics.PARTNER_EVENTS).configs()).containsEntry("retention.ms", "604800000");
        assertThat(topics.get(Topics.STATUS).configs())
                .containsEntry("cleanup.policy", "compact")
                .doesNotContainKey("retention.ms");
        assertThat(topics.get(Topics.COMMANDS).configs()).containsEntry("retention.ms", "-1");
        assertThat(topics.get(Topics.QUARANTINE).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get(Topics.REJECTS).configs()).containsEntry("retention.ms", "2592000000");
        assertThat(topics.get(Topics.EVENTS_DLT).configs()).containsEntry("retention.ms", "1209600000");
    }

    @Test
    void limitsEventRetentionOnlyWhenConfigured() {
        List<NewTopic> topics = new TopicSettings(
                        3,
                        (short) 1,
                        1,
                        Duration.ofDays(3650),
                        Duration.ofDays(30),
                        Duration.ofDays(30),
                        Duration.ofDays(7))
                .newTopics();

        assertThat(byName(topics).get("card.picked-up").configs()).containsEntry("retention.ms", "315360000000");
    }

    private static Map<String, NewTopic> byName(List<NewTopic> topics) {
        return topics.stream().collect(Collectors.toMap(NewTopic::name, topic -> topic));
    }
}
