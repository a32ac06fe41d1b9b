package com.zywa.cardstatus.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Derives an event's ID from what identifies it (type, card ID, instant, partner row ID), so the
 * same row uploaded twice yields the same ID and is absorbed downstream instead of counted twice.
 */
public final class EventIds {

    private static final String NAMESPACE = "zywa.card-event.v1";

    private EventIds() {}

    /** A name-based (SHA-256, RFC 4122 version 5 layout) UUID of the event's identity. */
    public static String eventId(EventType type, String cardId, Instant occurredAt, String partnerEventId) {
        String name = String.join(
                "\u001f",
                NAMESPACE,
                type.name(),
                cardId,
                occurredAt.toString(),
                partnerEventId == null ? "" : partnerEventId);
        byte[] hash = sha256(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
