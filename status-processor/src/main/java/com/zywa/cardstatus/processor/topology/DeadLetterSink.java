package com.zywa.cardstatus.processor.topology;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Where the fold's exception handlers write a record they set aside; returns once the record is stored, or throws.
 * Given to Kafka Streams as the value of {@link #CONFIG}, as an object, since handlers are created by class name.
 */
@FunctionalInterface
public interface DeadLetterSink {

    /** The Streams configuration key whose value is the sink. */
    String CONFIG = "cardstatus.fold.dead-letter-sink";

    void send(ProducerRecord<byte[], byte[]> record) throws Exception;
}
