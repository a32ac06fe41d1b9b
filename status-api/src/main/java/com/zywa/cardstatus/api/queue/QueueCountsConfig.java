package com.zywa.cardstatus.api.queue;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** The work queue's counts, refreshed on a schedule and published as gauges ({@link QueueGauges}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QueueCountsConfig {

    @Bean
    QueueCounts queueCounts(QueueCountRepository repository) {
        return new QueueCounts(repository, Clock.systemUTC());
    }

    @Bean
    QueueGauges queueGauges(QueueCounts counts, MeterRegistry meters) {
        return new QueueGauges(counts, meters);
    }

    @Bean
    SchedulingConfigurer queueCountsRefresh(QueueCounts counts, QueueGauges gauges, QueueSettings settings) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(
                () -> {
                    counts.refresh();
                    gauges.publish();
                },
                settings.countsInterval(),
                java.time.Duration.ZERO));
    }
}
