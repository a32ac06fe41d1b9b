package com.zywa.cardstatus.processor;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The producer that copies records the processor cannot handle, byte for byte, to a dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    /** Name of the raw-bytes template used by every dead-letter recoverer of the processor. */
    public static final String TEMPLATE = "deadLetterTemplate";

    @Bean(TEMPLATE)
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties properties) {
        Map<String, Object> producer = properties.buildProducerProperties();
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer()));
    }
}
