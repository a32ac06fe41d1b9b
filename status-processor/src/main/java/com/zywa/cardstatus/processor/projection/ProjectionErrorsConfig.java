package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.DeadLetterConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the projection writer consumes and fails: an unreadable record goes to {@link Topics#STATUS_DLT} at once; anything else
 * (PostgreSQL down) is retried with growing pauses, never skipped, so the projection cannot silently fall behind.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionErrorsConfig {

    @Bean
    DefaultErrorHandler projectionErrorHandler(
            @Qualifier(DeadLetterConfig.TEMPLATE) KafkaTemplate<byte[], byte[]> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.STATUS_DLT, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableRecordException.class);
        return handler;
    }

    /**
     * Commits past the transaction marker that ends each batch of {@code card.status}, so consumer lag reads 0
     * (not 1) when the projection is up to date: lag alerts and "is it idle?" checks stay truthful.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> fixTransactionalOffsets() {
        return container -> container.getContainerProperties().setFixTxOffsets(true);
    }
}
