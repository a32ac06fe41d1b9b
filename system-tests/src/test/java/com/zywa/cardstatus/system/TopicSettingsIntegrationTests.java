package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The topics the services create on a real broker carry the settings that keep the system of record safe. */
@ExtendWith(PipelineExtension.class)
class TopicSettingsIntegrationTests {

    @Test
    void eventTopicsKeepEverythingAndRawDataTopicsKeepThirtyDays(Pipeline pipeline) throws Exception {
        List<String> names = new ArrayList<>(Topics.eventTopics());
        names.addAll(
                List.of(Topics.PARTNER_EVENTS, Topics.STATUS, Topics.REJECTS, Topics.EVENTS_DLT, Topics.STATUS_DLT));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrapServers()))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(names).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                            .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                            .toList())
                    .all()
                    .get();

            assertThat(topics.values())
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
            for (String event : names.subList(0, Topics.eventTopics().size() + 1)) {
                assertThat(value(configs, event, "retention.ms")).as(event).isEqualTo("-1");
                assertThat(value(configs, event, "min.insync.replicas"))
                        .as(event)
                        .isEqualTo("1");
            }
            assertThat(value(configs, Topics.STATUS, "cleanup.policy")).isEqualTo("compact");
            for (String rawData : List.of(Topics.REJECTS, Topics.EVENTS_DLT, Topics.STATUS_DLT)) {
                assertThat(value(configs, rawData, "retention.ms")).as(rawData).isEqualTo("2592000000");
            }
        }
    }

    private static String value(Map<ConfigResource, Config> configs, String topic, String name) {
        return configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .get(name)
                .value();
    }
}
