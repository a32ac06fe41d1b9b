package com.zywa.cardstatus.notifier.delivery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A delivery claimed for an attempt: the head of its card's queue for its subscription. */
record PendingDelivery(
        long id,
        UUID subscriptionId,
        String cardId,
        String webhookId,
        String body,
        int attempts,
        @Nullable Instant failingSince) {}
