package com.zywa.cardstatus.contract;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@link CardStatus} values from {@link Topics#STATUS} (through {@link CardStatusCodec}, see {@link JsonSerde});
 * usable from Kafka client properties.
 */
public class CardStatusDeserializer implements Deserializer<CardStatus> {

    private final Deserializer<CardStatus> delegate = new JsonSerde<>(CardStatus.class).deserializer();

    @Override
    public CardStatus deserialize(String topic, byte[] data) {
        return delegate.deserialize(topic, data);
    }
}
