package com.zywa.cardstatus.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Accepts partner files and events and publishes them as card events on Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestProducerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestProducerApplication.class, args);
    }
}
