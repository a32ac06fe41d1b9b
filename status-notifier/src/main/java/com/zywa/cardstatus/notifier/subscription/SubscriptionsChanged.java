package com.zywa.cardstatus.notifier.subscription;

import java.util.UUID;

/** A subscription was created, paused, resumed, rotated or deleted through this instance. */
public record SubscriptionsChanged(UUID subscriptionId) {}
