package com.zywa.cardstatus.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * For one release, reads settings still written under the old prefix {@code card-status.*} (in a file or an
 * argument) as {@code cardstatus.*}, below anything set under the new name, and warns naming the new name. The
 * environment variables are not looked at: {@code CARDSTATUS_TOPICS_...} always was their name, and still is, which
 * is also why these names are not in the configuration metadata for Spring's properties migrator (it would report
 * every such variable as an old name).
 */
final class OldPrefixMigration implements ApplicationListener<ApplicationPreparedEvent> {

    static final String OLD = "card-status.";
    static final String NEW = "cardstatus.";

    private static final Logger log = LoggerFactory.getLogger(OldPrefixMigration.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        migrate(event.getApplicationContext().getEnvironment());
    }

    static void migrate(ConfigurableEnvironment environment) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> names
                    && !(source instanceof SystemEnvironmentPropertySource)) {
                for (String name : names.getPropertyNames()) {
                    String now = name.startsWith(OLD) ? NEW + name.substring(OLD.length()) : null;
                    if (now != null && renamed.putIfAbsent(now, value(names, name)) == null) {
                        log.warn(
                                "{} (in {}) is renamed {}: read under its new name for this release only",
                                name,
                                source.getName(),
                                now);
                    }
                }
            }
        }
        if (!renamed.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("renamed from " + OLD + "*", renamed));
        }
    }

    private static Object value(PropertySource<?> source, String name) {
        Object value = source.getProperty(name);
        return value instanceof OriginTrackedValue tracked ? tracked.getValue() : value;
    }
}
