package com.zywa.cardstatus.notifier.webhook;

import java.util.UUID;

/**
 * A webhook owed to a subscription: its stable {@code webhook-id}, the exact body that is signed and sent on every
 * attempt, and the hash of its content (what the next change of the card is compared with).
 */
public record Webhook(
        UUID subscriptionId, String cardId, EventKind kind, String webhookId, String body, byte[] contentHash) {}
