package com.zywa.cardstatus.contract;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON dialect of the pipeline: snake_case names (as in docs/contract.md), ISO-8601 UTC instants (see
 * {@link InstantJson}), unknown fields tolerated so producers can add fields before consumers know them, and a reason
 * of a later taxonomy read as {@link Reason#OTHER} (an enum's default value), so readers stay ahead of writers.
 */
public final class Json {

    /** Shared, thread-safe mapper for event and status payloads. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .addModule(InstantJson.module())
            .build();

    /** The pipeline's instant format as a module, for a framework-managed mapper (e.g. Spring's) to use too. */
    public static JacksonModule instants() {
        return InstantJson.module();
    }

    private Json() {}
}
