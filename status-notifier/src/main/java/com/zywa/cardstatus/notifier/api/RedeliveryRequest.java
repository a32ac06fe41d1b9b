package com.zywa.cardstatus.notifier.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The time range whose webhooks are sent again: those enqueued at or after {@code from} and before {@code to}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RedeliveryRequest(@Nullable Instant from, @Nullable Instant to) {}
