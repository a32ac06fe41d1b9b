package com.zywa.cardstatus.notifier.intake;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.notifier.webhook.Change;
import com.zywa.cardstatus.notifier.webhook.EventKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a record of a status topic as a {@link Change}, generically: any JSON object is a change (a structured
 * CloudEvent gives its {@code data}); the card is the record's key, else its {@code card_id} or {@code subject}. What
 * is not a JSON object naming a card is no change (a tombstone, or a record this reader cannot read).
 */
final class ChangeReader {

    private ChangeReader() {}

    /** The change {@code record} holds; empty for a tombstone; throws for a record that cannot be read. */
    static Optional<Change> read(ConsumerRecord<String, byte[]> record, EventKind kind) {
        if (record.value() == null) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(record.value());
        } catch (JacksonException e) {
            // not the parser's message: it may quote the record, and a record may hold a phone
            throw new UnreadableRecordException("not JSON");
        }
        if (json.has("specversion") && json.path("data").isObject()) {
            String subject = text(json, "subject");
            json = json.get("data");
            if (subject != null && !json.has("card_id")) {
                ((ObjectNode) json).put("card_id", subject);
            }
        }
        if (!(json instanceof ObjectNode payload)) {
            throw new UnreadableRecordException("not a JSON object");
        }
        String cardId = record.key() != null ? record.key() : text(payload, "card_id");
        if (cardId == null || cardId.isBlank()) {
            throw new UnreadableRecordException("names no card (no key and no card_id)");
        }
        return Optional.of(new Change(
                kind, cardId, payload, record.topic(), record.partition(), record.offset(), time(record, payload)));
    }

    private static Instant time(ConsumerRecord<String, byte[]> record, JsonNode payload) {
        String asOf = text(payload, "as_of");
        if (asOf != null) {
            try {
                return Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                // not an instant after all: the record's own time says when it was written
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** A record of a status topic that is not a change this reader understands; it is counted and skipped. */
    static final class UnreadableRecordException extends RuntimeException {
        UnreadableRecordException(String message) {
            super(message);
        }
    }
}
