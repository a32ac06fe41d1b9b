package com.zywa.cardstatus.notifier.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How many webhooks a subscription is owed and since when the oldest waits (null when none). */
public record Backlog(long pending, @Nullable Instant oldestPendingSince) {

    public static final Backlog NONE = new Backlog(0, null);
}
