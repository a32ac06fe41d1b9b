package com.zywa.cardstatus.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A service's logged stack trace, through Spring Boot's own logging set-up, holds no row or phone of its messages. */
@ExtendWith(OutputCaptureExtension.class)
class SafeStackTracesTests {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    @Test
    void aLoggedStackTraceKeepsItsClassesAndFramesButNoRowQuotedValueOrPhone(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Nothing.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run()) {
            SQLException driver = new SQLException("""
                    ERROR: new row for relation "card_status_g1" violates check constraint "card_status_phone"
                      Detail: Failing row contains (ZYW1, PICKED_UP, +971501234567, 0501234567).""");
            LoggerFactory.getLogger(getClass())
                    .error("projection failed", new IllegalStateException("storing for 0501234567 failed", driver));
        }

        assertThat(output.getOut())
                .contains("projection failed", "java.lang.IllegalStateException", "Caused by: java.sql.SQLException")
                .contains("violates check constraint", "SafeStackTracesTests.java")
                .doesNotContain("Failing row", "501234567", "card_status_phone");
    }
}
