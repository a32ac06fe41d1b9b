package com.zywa.cardstatus.notifier;

import com.zywa.cardstatus.contract.Json;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.JacksonModule;

/** Tells internal clients when a card changes: signed webhooks to the subscriptions ops manage (contract §9). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StatusNotifierApplication {

    /** Timestamps in answers written as the pipeline writes them (ISO-8601 UTC). */
    @Bean
    JacksonModule instantJson() {
        return Json.instants();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, {@code status-notifier.properties}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(StatusNotifierApplication.class)
                .properties("spring.config.name=status-notifier");
    }
}
