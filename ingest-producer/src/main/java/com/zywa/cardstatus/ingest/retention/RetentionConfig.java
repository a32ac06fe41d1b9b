package com.zywa.cardstatus.ingest.retention;

import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.support.TopicSettings;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * Runs the {@link RejectedRowPurge} every {@link RetentionSettings#purgeInterval()}, starting a minute after start-up,
 * purging what is older than {@link TopicSettings#rejectsRetention()}, as long as {@code card.rejects} keeps it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionConfig {

    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    @Bean
    RejectedRowPurge rejectedRowPurge(JdbcTemplate jdbc, TopicSettings topics) {
        return new RejectedRowPurge(jdbc, topics.rejectsRetention());
    }

    @Bean
    SchedulingConfigurer purgeSchedule(RejectedRowPurge purge, RetentionSettings settings) {
        PurgeSchedule schedule = new PurgeSchedule(purge, Clock.systemUTC());
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(schedule::run, settings.purgeInterval(), FIRST_RUN));
    }

    /** The scheduled run; a failed one (PostgreSQL down) is logged and retried at the next one. */
    static final class PurgeSchedule {

        private static final Logger log = LoggerFactory.getLogger(PurgeSchedule.class);

        private final RejectedRowPurge purge;
        private final Clock clock;

        PurgeSchedule(RejectedRowPurge purge, Clock clock) {
            this.purge = purge;
            this.clock = clock;
        }

        void run() {
            try {
                purge.purge(clock.instant());
            } catch (DataAccessException e) {
                log.warn(
                        "purging the raw text of old rejected rows failed, retried at the next run: {}",
                        SafeMessages.rootCause(e));
            }
        }
    }
}
