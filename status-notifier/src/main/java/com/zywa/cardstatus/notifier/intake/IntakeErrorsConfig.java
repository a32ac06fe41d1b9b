package com.zywa.cardstatus.notifier.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the intake fails: a batch it cannot enqueue (PostgreSQL down) is read again with growing pauses, never
 * skipped, its offsets uncommitted meanwhile; unreadable records are skipped by the listener itself.
 */
@Configuration(proxyBeanMethods = false)
class IntakeErrorsConfig {

    @Bean
    DefaultErrorHandler intakeErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(backOff);
    }

    /** Commits past the transaction marker ending each batch, so the notifier's lag reads 0 when it is caught up. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> intakeFixTxOffsets() {
        return container -> container.getContainerProperties().setFixTxOffsets(true);
    }
}
