package com.zywa.cardstatus.ingest.retention;

import com.zywa.cardstatus.contract.SafeMessages;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the {@link RejectedRowPurge} every {@code ingest.retention.purge-interval}, starting a minute after start-up. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionConfig {

    @Bean
    RejectedRowPurge rejectedRowPurge(JdbcTemplate jdbc, RetentionSettings settings) {
        return new RejectedRowPurge(jdbc, settings.rejectedRows());
    }

    @Bean
    PurgeSchedule purgeSchedule(RejectedRowPurge purge) {
        return new PurgeSchedule(purge, Clock.systemUTC());
    }

    /** The scheduled trigger; a failed run (PostgreSQL down) is logged and retried at the next one. */
    static final class PurgeSchedule {

        private static final Logger log = LoggerFactory.getLogger(PurgeSchedule.class);

        private final RejectedRowPurge purge;
        private final Clock clock;

        PurgeSchedule(RejectedRowPurge purge, Clock clock) {
            this.purge = purge;
            this.clock = clock;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${ingest.retention.purge-interval:PT1H}")
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
