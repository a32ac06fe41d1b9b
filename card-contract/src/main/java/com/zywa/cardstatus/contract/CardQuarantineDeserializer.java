package com.zywa.cardstatus.contract;

import org.apache.kafka.common.serialization.Deserializer;

/** Reads {@link CardQuarantine} values from {@link Topics#QUARANTINE}; usable from Kafka client properties. */
public class CardQuarantineDeserializer implements Deserializer<CardQuarantine> {

    private final Deserializer<CardQuarantine> delegate = new JsonSerde<>(CardQuarantine.class).deserializer();

    @Override
    public CardQuarantine deserialize(String topic, byte[] data) {
        return delegate.deserialize(topic, data);
    }
}
