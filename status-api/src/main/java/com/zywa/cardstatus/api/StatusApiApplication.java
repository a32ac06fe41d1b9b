package com.zywa.cardstatus.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Answers what the status of a card is, by card ID or phone. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatusApiApplication.class, args);
    }
}
