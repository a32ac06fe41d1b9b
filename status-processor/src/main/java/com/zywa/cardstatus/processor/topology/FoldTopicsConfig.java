package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.support.TopicSettings;
import java.util.Properties;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The fold's own topics (its state store's changelog) are replicated like the pipeline's topics, from the one
 * {@link TopicSettings}, unless {@code spring.kafka.streams.*} says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class FoldTopicsConfig {

    @Bean
    StreamsBuilderFactoryBeanConfigurer foldTopicsReplication(TopicSettings topics) {
        return factory -> {
            Properties config = factory.getStreamsConfiguration();
            config.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicas());
            config.putIfAbsent(
                    StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                    String.valueOf(topics.minInsyncReplicas()));
            factory.setStreamsConfiguration(config);
        };
    }
}
