package com.zywa.cardstatus.processor.projection;

/** The projection was built from another Kafka history than the one the processor finds: it must not start. */
class OtherKafkaHistoryException extends IllegalStateException {

    OtherKafkaHistoryException(KafkaHistory remembered, KafkaHistory found) {
        super("The projection (card_status) was built from Kafka cluster " + remembered.clusterId() + " (card.status "
                + "topic ID " + remembered.statusTopicId() + "), but this Kafka is cluster " + found.clusterId()
                + " (card.status topic ID " + found.statusTopicId() + ")");
    }
}
