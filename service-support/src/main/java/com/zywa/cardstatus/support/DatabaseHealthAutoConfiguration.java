package com.zywa.cardstatus.support;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Boot's {@code db} health indicator with {@link DatabaseHealth}, which answers at once from a background
 * check (every second; DOWN after 4 s without a successful one), so health and readiness probes answer within their
 * timeouts even while PostgreSQL hangs.
 */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        before = DataSourceHealthContributorAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, DataSourceHealthContributorAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
public class DatabaseHealthAutoConfiguration {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration STALE_AFTER = Duration.ofSeconds(4);

    @Bean
    DatabaseHealth dbHealthIndicator(DataSource dataSource) {
        return new DatabaseHealth(dataSource, STALE_AFTER, Clock.systemUTC()).checkEvery(INTERVAL);
    }
}
