package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.DeadLetterConfig;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Runs {@link CardStatusTopology} on Boot's {@code StreamsBuilder}, configured from {@code spring.kafka.streams.*},
 * with unreadable event records sent to {@link Topics#EVENTS_DLT} instead of stopping the fold.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsSetup {

    @Bean
    KStream<String, CardStatus> cardStatusStream(StreamsBuilder builder) {
        return CardStatusTopology.build(builder);
    }

    @Bean(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration kafkaStreamsConfiguration(KafkaProperties properties,
            @Qualifier(DeadLetterConfig.TEMPLATE) KafkaTemplate<byte[], byte[]> deadLetters) {
        Map<String, Object> config = properties.buildStreamsProperties();
        config.put(org.apache.kafka.streams.StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class);
        config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER,
                new DeadLetterPublishingRecoverer(deadLetters,
                        (record, e) -> new TopicPartition(Topics.EVENTS_DLT, -1)));
        return new KafkaStreamsConfiguration(config);
    }
}
