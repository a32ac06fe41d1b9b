package com.zywa.cardstatus.support.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Stack traces in the services' console logs without the values a failure's message may carry: a driver echoes what
 * it was given — PostgreSQL's {@code Detail: Failing row contains (…, +971…)}, a value in quotes — and a stack trace
 * is logged whole. Spring Boot's exception conversion word ({@code logging.exception-conversion-word}) becomes its
 * usual one inside logback's {@code %replace}, which masks such detail lines, quoted text and runs of seven or more
 * digits (a phone, unquoted). Lowest precedence: a deployment that sets the word keeps its own. Spring Boot's
 * structured console logging ({@code logging.structured.format.console}) does not use the word (docs/operations.md,
 * "Logs").
 */
public final class SafeStackTraces implements EnvironmentPostProcessor {

    /** The property Spring Boot reads the word from. */
    static final String PROPERTY = "logging.exception-conversion-word";

    /** Spring Boot's default word, with the values masked. */
    static final String WORD =
            "%replace(%wEx){'(Detail|Key|Failing row contains)[^\\n]*|\"[^\"\\n]*\"|\\+?\\d[\\d -]{5,}\\d', '…'}";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("safeStackTraces", Map.of(PROPERTY, WORD)));
    }
}
