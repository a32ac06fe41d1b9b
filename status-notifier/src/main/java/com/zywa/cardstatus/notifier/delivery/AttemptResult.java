package com.zywa.cardstatus.notifier.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What one attempt to deliver a webhook gave: the receiver's status code (none when no answer came), how long it
 * took, what went wrong, and the start of the receiver's answer ({@link ResponseExcerpt}).
 */
public record AttemptResult(
        @Nullable Integer statusCode,
        long latencyMs,
        @Nullable String error,
        @Nullable String responseExcerpt) {

    /** Delivered: the receiver answered 2xx. */
    public boolean succeeded() {
        return statusCode != null && statusCode / 100 == 2;
    }

    /** The outcome as counted ({@code cardstatus_notifier_deliveries_total{outcome}}): a closed set. */
    String outcome() {
        if (succeeded()) {
            return "delivered";
        }
        if (statusCode != null) {
            return "rejected";
        }
        return error != null && error.startsWith(WebhookSender.REFUSED) ? "refused" : "unreachable";
    }
}
