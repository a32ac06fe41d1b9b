package com.zywa.cardstatus.api.audit;

import com.zywa.cardstatus.contract.SafeMessages;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Deletes audit entries older than {@code cardstatus.api.lookup-audit.retention}, every purge interval. */
@Configuration(proxyBeanMethods = false)
class LookupAuditPurge {

    private static final Logger log = LoggerFactory.getLogger(LookupAuditPurge.class);

    @Bean
    SchedulingConfigurer lookupAuditPurgeSchedule(LookupAuditRepository entries, LookupAuditSettings settings) {
        Clock clock = Clock.systemUTC();
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(
                () -> {
                    try {
                        int deleted = entries.purge(clock.instant().minus(settings.retention()));
                        if (deleted > 0) {
                            log.info("lookup audit: {} entries older than {} deleted", deleted, settings.retention());
                        }
                    } catch (RuntimeException e) {
                        log.warn(
                                "lookup audit: old entries not purged, next try in {}: {}",
                                settings.purgeInterval(),
                                SafeMessages.rootCause(e));
                    }
                },
                settings.purgeInterval(),
                Duration.ofMinutes(1)));
    }
}
