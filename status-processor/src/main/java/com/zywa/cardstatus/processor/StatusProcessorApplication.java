package com.zywa.cardstatus.processor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Folds card events into current status and keeps the PostgreSQL projection up to date. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusProcessorApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, {@code status-processor.properties}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(StatusProcessorApplication.class)
                .properties("spring.config.name=status-processor");
    }
}
