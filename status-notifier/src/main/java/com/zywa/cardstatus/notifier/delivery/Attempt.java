package com.zywa.cardstatus.notifier.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One recorded attempt, as ops see it: which webhook, when, and how it went. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Attempt(
        String webhookId,
        Instant attemptedAt,
        @Nullable Integer statusCode,
        long latencyMs,
        @Nullable String error,
        @Nullable String responseExcerpt) {}
