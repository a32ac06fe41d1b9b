package com.zywa.cardstatus.processor.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * The {@link DeadLetterWriter} and its producer: raw bytes, and no transactional ID, so that what it sends is on the
 * topic once acknowledged, whatever becomes of any transaction around the call.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

    // a bean of its own, so that its producer is closed with the application
    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties properties) {
        Map<String, Object> producer = properties.buildProducerProperties();
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Bean
    DeadLetterCounts deadLetterCounts(KafkaAdmin kafkaAdmin, MeterRegistry meters) {
        return new DeadLetterCounts(Admin.create(kafkaAdmin.getConfigurationProperties()), meters);
    }

    @Bean
    SchedulingConfigurer deadLetterCountsRefresh(DeadLetterCounts counts) {
        return tasks -> tasks.addFixedDelayTask(
                new FixedDelayTask(counts::refresh, Duration.ofMinutes(1), Duration.ofSeconds(5)));
    }

    @Bean
    DeadLetterWriter deadLetterWriter(KafkaTemplate<byte[], byte[]> deadLetterTemplate) {
        return new DeadLetterWriter(deadLetterTemplate);
    }
}
