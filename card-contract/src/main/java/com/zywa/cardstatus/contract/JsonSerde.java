package com.zywa.cardstatus.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/** Kafka serde for a contract record in the pipeline's {@link Json} dialect. */
public final class JsonSerde<T> implements Serde<T> {

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
        return (topic, value) -> value == null ? null : Json.MAPPER.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Json.MAPPER.readValue(bytes, type);
            } catch (JacksonException e) {
                throw new SerializationException("topic " + topic + ": not a " + type.getSimpleName()
                        + " JSON document: " + e.getOriginalMessage(), e);
            }
        };
    }
}
