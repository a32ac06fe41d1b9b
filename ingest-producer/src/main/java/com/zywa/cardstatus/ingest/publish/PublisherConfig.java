package com.zywa.cardstatus.ingest.publish;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The transactional producers of {@link EventPublisher} reuse the IDs of failed ones ({@link LowestFreeSuffix}). */
@Configuration(proxyBeanMethods = false)
class PublisherConfig {

    @Bean
    DefaultKafkaProducerFactoryCustomizer reuseTransactionalIds() {
        return factory -> factory.setTransactionIdSuffixStrategy(new LowestFreeSuffix());
    }
}
