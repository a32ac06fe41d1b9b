package com.zywa.cardstatus.contract;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Serialises any contract record in the pipeline's {@link Json} dialect (events through their streaming codec, see
 * {@link JsonSerde}); usable from Kafka client properties.
 */
public class JsonValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        return value == null ? null : JsonSerde.bytes(value);
    }
}
