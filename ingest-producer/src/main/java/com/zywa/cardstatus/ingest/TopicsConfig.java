package com.zywa.cardstatus.ingest;

import com.zywa.cardstatus.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the pipeline's topics if they do not exist yet. */
@Configuration(proxyBeanMethods = false)
class TopicsConfig {

    @Bean
    KafkaAdmin.NewTopics pipelineTopics(TopicSettings settings) {
        return new KafkaAdmin.NewTopics(Topics.definitions(settings.partitions(), settings.replicas())
                .toArray(NewTopic[]::new));
    }
}
