package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.deadletter.DeadLetterWriter;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

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

    @Bean
    KStream<String, byte[]> cardStatusStream(StreamsBuilder builder, FoldReasons reasons, StallSettings stalls) {
        return CardStatusTopology.build(builder, reasons, stalls.schedule());
    }

    @Bean(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration kafkaStreamsConfiguration(KafkaProperties properties, DeadLetterWriter deadLetters) {
        Map<String, Object> config = properties.buildStreamsProperties();
        setAsideFailures(config, deadLetters::send);
        return new KafkaStreamsConfiguration(config);
    }

    /** Sends records the fold cannot read, process or publish to {@code sink} and lets the fold go on. */
    static void setAsideFailures(Map<String, Object> config, DeadLetterSink sink) {
        config.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationExceptionHandler.class);
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
