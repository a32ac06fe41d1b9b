package com.zywa.cardstatus.notifier.intake;

/** Webhooks were committed to the queue: a dispatcher in this process may deliver them now instead of at its next poll. */
public record WebhooksEnqueued(int count) {}
