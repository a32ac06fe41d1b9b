package com.zywa.cardstatus.processor;

import com.zywa.cardstatus.contract.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the topics the processor reads and writes if they do not exist yet. */
@Configuration(proxyBeanMethods = false)
class TopicsConfig {

    @Bean
    KafkaAdmin.NewTopics processorTopics(TopicSettings settings) {
        List<NewTopic> topics = new ArrayList<>();
        Topics.eventTopics().forEach(name -> topics.add(keyed(name, settings).build()));
        topics.add(keyed(Topics.STATUS, settings).config(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT).build());
        topics.add(keyed(Topics.EVENTS_DLT, settings).build());
        topics.add(keyed(Topics.STATUS_DLT, settings).build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static TopicBuilder keyed(String name, TopicSettings settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicas());
    }
}
