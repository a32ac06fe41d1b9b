package com.zywa.cardstatus.notifier.webhook;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record read from a status topic, kept as the JSON it is ({@code payload}), so that fields the status gains
 * later reach the webhook without a change here; where it was read (for the subscriptions' start offsets), and when
 * the change happened ({@code as_of} when the record has it, else the record's timestamp).
 */
public record Change(
        EventKind kind, String cardId, ObjectNode payload, String topic, int partition, long offset, Instant time) {}
