package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.DeadLetterConfig;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Runs {@link CardStatusTopology} on Boot's {@code StreamsBuilder}, configured from {@code spring.kafka.streams.*},
 * with every record it cannot read, fold or publish set aside on {@link Topics#EVENTS_DLT} instead of stopping the
 * fold, dead threads replaced a few times, and liveness tied to the fold's state.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsSetup {

    /** Thread replacements before the fold shuts down and liveness fails. */
    private static final int MAX_THREAD_REPLACEMENTS = 3;

    private static final long DEAD_LETTER_TIMEOUT_SECONDS = 30;

    @Bean
    KStream<String, byte[]> cardStatusStream(StreamsBuilder builder) {
        return CardStatusTopology.build(builder);
    }

    @Bean(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration kafkaStreamsConfiguration(
            KafkaProperties properties,
            @Qualifier(DeadLetterConfig.TEMPLATE) KafkaTemplate<byte[], byte[]> deadLetters) {
        Map<String, Object> config = properties.buildStreamsProperties();
        config.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class);
        config.put(
                RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER,
                new DeadLetterPublishingRecoverer(
                        deadLetters, (record, e) -> new TopicPartition(Topics.EVENTS_DLT, -1)));
        setAsideFailures(config, record -> deadLetters.send(record).get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        return new KafkaStreamsConfiguration(config);
    }

    /** Sends records the fold cannot process or publish to {@code sink} and lets the fold go on. */
    static void setAsideFailures(Map<String, Object> config, DeadLetterSink sink) {
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingExceptionHandler.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionExceptionHandler.class);
        config.put(DeadLetterSink.CONFIG, sink);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer foldLifecycle(StreamsLiveness liveness) {
        return factory -> {
            factory.setStreamsUncaughtExceptionHandler(new FoldCrashPolicy(MAX_THREAD_REPLACEMENTS));
            factory.setStateListener(liveness);
        };
    }
}
