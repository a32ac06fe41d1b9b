package com.zywa.cardstatus.processor.reasons;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** The fold's reason mapping ({@link ReasonMappingSource}), read again every {@code cardstatus.reasons.reload-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReasonsConfig {

    @Bean
    ReasonMappingSource reasonMappingSource(ReasonsSettings settings, MeterRegistry meters) {
        return new ReasonMappingSource(settings.mappingFile(), Clock.systemUTC(), meters);
    }

    @Bean
    SchedulingConfigurer reasonMappingReload(ReasonMappingSource source, ReasonsSettings settings) {
        return tasks -> tasks.addFixedDelayTask(
                new FixedDelayTask(source::reload, settings.reloadInterval(), settings.reloadInterval()));
    }
}
