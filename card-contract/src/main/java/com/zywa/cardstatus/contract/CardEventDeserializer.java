package com.zywa.cardstatus.contract;

import org.apache.kafka.common.serialization.Deserializer;

/** Reads {@link CardEvent} values; usable from Kafka client properties. */
public class CardEventDeserializer implements Deserializer<CardEvent> {

    private final Deserializer<CardEvent> delegate = new JsonSerde<>(CardEvent.class).deserializer();

    @Override
    public CardEvent deserialize(String topic, byte[] data) {
        return delegate.deserialize(topic, data);
    }
}
