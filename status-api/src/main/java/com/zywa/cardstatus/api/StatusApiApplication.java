package com.zywa.cardstatus.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Answers what the status of a card is, by card ID or phone. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusApiApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, {@code status-api.properties}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(StatusApiApplication.class).properties("spring.config.name=status-api");
    }
}
