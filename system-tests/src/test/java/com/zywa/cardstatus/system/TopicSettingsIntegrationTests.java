package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.TestEnvironments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the services create on a real broker carry the settings that keep the system of record safe. */
@ExtendWith(PipelineExtension.class)
class TopicSettingsIntegrationTests {

    @Test
    void eventTopicsKeepEverythingPartnerEventsSevenDaysAndRawDataTopicsThirtyDays(Pipeline pipeline) throws Exception {
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
            for (String event : names.subList(0, Topics.eventTopics().size())) {
                assertThat(value(configs, event, "retention.ms")).as(event).isEqualTo("-1");
                assertThat(value(configs, event, "min.insync.replicas"))
                        .as(event)
                        .isEqualTo("1");
            }
            // what partners wrote, phones in clear: a transport, kept 7 days (contract §12)
            assertThat(value(configs, Topics.PARTNER_EVENTS, "retention.ms")).isEqualTo("604800000");
            assertThat(value(configs, Topics.STATUS, "cleanup.policy")).isEqualTo("compact");
            for (String rawData : List.of(Topics.REJECTS, Topics.EVENTS_DLT, Topics.STATUS_DLT)) {
                assertThat(value(configs, rawData, "retention.ms")).as(rawData).isEqualTo("2592000000");
            }
        }
    }

    @Test
    void aStartLeavesTheSettingsOfExistingTopicsAloneUnlessAProvisioningRunAsksForIt(Pipeline pipeline)
            throws Exception {
        NewTopic wrongRetention = new NewTopic(Topics.REJECTS, 3, (short) 1).configs(Map.of("retention.ms", "1000"));
        for (String service : new String[] {"ingest-producer.properties", "status-processor.properties"}) {
            KafkaAdmin kafkaAdmin = new KafkaAdmin(Map.of("bootstrap.servers", pipeline.bootstrapServers()));
            kafkaAdmin.setModifyTopicConfigs(modifyTopicConfigs(service, Map.of()));
            kafkaAdmin.createOrModifyTopics(wrongRetention);

            assertThat(modifyTopicConfigs(service, Map.of("SPRING_KAFKA_ADMIN_MODIFY_TOPIC_CONFIGS", "true")))
                    .as(service + ": a provisioning run opts in")
                    .isTrue();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrapServers()))) {
            ConfigResource rejects = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REJECTS);
            assertThat(value(admin.describeConfigs(List.of(rejects)).all().get(), Topics.REJECTS, "retention.ms"))
                    .isEqualTo("2592000000");
        }
    }

    private static boolean modifyTopicConfigs(String service, Map<String, Object> env) throws IOException {
        StandardEnvironment environment = TestEnvironments.withVariables(env);
        environment.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource(service)));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment)
                .bind("spring.kafka.admin.modify-topic-configs", Boolean.class)
                .orElse(false);
    }

    private static String value(Map<ConfigResource, Config> configs, String topic, String name) {
        return configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .get(name)
                .value();
    }
}
