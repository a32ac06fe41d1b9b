package com.zywa.cardstatus.contract;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * Kafka serde for a contract record in the pipeline's {@link Json} dialect. {@link CardEvent} and {@link CardStatus}
 * go through their streaming codecs ({@link CardEventCodec}, {@link CardStatusCodec}): the same JSON, a fraction of
 * databind's CPU; input those do not read themselves goes to databind, so what is accepted and the errors stay its.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?[0-9]{6,}");

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    /** Serde of {@link CardEvent}, the value of every event topic. */
    public static JsonSerde<CardEvent> cardEvents() {
        return new JsonSerde<>(CardEvent.class);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : bytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        Function<byte[], Object> codec = type == CardEvent.class
                ? CardEventCodec::read
                : type == CardStatus.class ? CardStatusCodec::read : bytes -> null;
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            Object fast = codec.apply(bytes);
            return fast != null ? type.cast(fast) : read(topic, bytes, type);
        };
    }

    /** The JSON of a contract record, through its codec where it has one. */
    static byte[] bytes(Object value) {
        if (value instanceof CardEvent event) {
            return CardEventCodec.write(event);
        }
        if (value instanceof CardStatus status) {
            return CardStatusCodec.write(status);
        }
        return Json.MAPPER.writeValueAsBytes(value);
    }

    /**
     * Databind's reading, for input a codec did not read: the same result as before the codecs, or its error naming
     * the field, with quoted values and long numbers masked (a field of the wrong type may hold a phone).
     */
    static <T> T read(String topic, byte[] bytes, Class<T> type) {
        try {
            return Json.MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            String field = e.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("."));
            throw new SerializationException(
                    "topic " + topic + ": not a " + type.getSimpleName() + " JSON document"
                            + (field.isEmpty() ? "" : " (at " + field + ")") + ": "
                            + LONG_NUMBER
                                    .matcher(SafeMessages.safe(e.getOriginalMessage()))
                                    .replaceAll("…"),
                    e);
        }
    }
}
