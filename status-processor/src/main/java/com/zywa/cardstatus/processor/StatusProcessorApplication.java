package com.zywa.cardstatus.processor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Folds card events into current status and keeps the PostgreSQL projection up to date. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatusProcessorApplication.class, args);
    }
}
