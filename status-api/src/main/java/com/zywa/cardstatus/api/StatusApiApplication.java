package com.zywa.cardstatus.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.zywa.cardstatus.contract.Json;
import io.swagger.v3.core.jackson.ModelResolver;
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

    /**
     * The OpenAPI document's models in the snake_case names the API writes: the history's entries (card-contract's
     * records, read as the pipeline's {@code Json} names them) as well as the answers that name each field.
     */
    @Bean
    ModelResolver snakeCaseOpenApiModels() {
        return new ModelResolver(io.swagger.v3.core.util.Json.mapper()
                .copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, {@code status-api.properties}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(StatusApiApplication.class).properties("spring.config.name=status-api");
    }
}
