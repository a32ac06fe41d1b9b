package com.zywa.cardstatus.support;

import com.zywa.cardstatus.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the pipeline's {@link Topics} at start-up when they are missing, as {@link TopicSettings} describes them,
 * in every service that talks to Kafka, so whichever starts first finds them; one definition for all.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(TopicSettings.class)
public class PipelineTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics pipelineTopics(TopicSettings settings) {
        return new KafkaAdmin.NewTopics(settings.newTopics().toArray(NewTopic[]::new));
    }
}
