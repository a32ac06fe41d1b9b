package com.zywa.cardstatus.api;

import com.zywa.cardstatus.contract.Json;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;

/** Answers what the status of a card is, by card ID or phone. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusApiApplication {

    /** Response timestamps written as the pipeline writes them (ISO-8601 UTC), by the same fast formatter. */
    @Bean
    JacksonModule instantJson() {
        return Json.instants();
    }

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, {@code status-api.properties}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(StatusApiApplication.class).properties("spring.config.name=status-api");
    }
}
