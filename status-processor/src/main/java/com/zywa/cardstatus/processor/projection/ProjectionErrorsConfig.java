package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the projection writer fails: the writer itself sets aside what can never be stored (on {@link Topics#STATUS_DLT}),
 * so a batch that still fails (PostgreSQL down) is retried whole with growing pauses, never skipped, each retry logged
 * and the projection reported DOWN by {@link ProjectionHealth} until it writes again.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionErrorsConfig {

    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        // at most 5 s between retries: a projection waiting for PostgreSQL writes again within 5 s of its return
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(backOff);
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
