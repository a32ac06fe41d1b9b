package com.zywa.cardstatus.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Accepts partner files and events and publishes them as card events on Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestProducerApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, {@code ingest-producer.properties}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IngestProducerApplication.class)
                .properties("spring.config.name=ingest-producer");
    }
}
