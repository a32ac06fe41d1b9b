package com.zywa.cardstatus.notifier.webhook;

import java.util.UUID;

/**
 * A webhook owed to a subscription: its stable {@code webhook-id}, its body as stored (the phone, when the
 * subscription includes it, sealed as {@code card.status} carries it; each attempt signs and sends it with the phone
 * opened, {@link WebhookPhones}), and the hash of its content (what the next change of the card is compared with).
 */
public record Webhook(
        UUID subscriptionId, String cardId, EventKind kind, String webhookId, String body, byte[] contentHash) {}
