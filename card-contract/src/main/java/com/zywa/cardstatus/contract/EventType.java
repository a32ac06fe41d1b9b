package com.zywa.cardstatus.contract;

/**
 * The four things a courier reports about a card, with the lifecycle rank that breaks ties
 * between events stamped with the same instant.
 */
public enum EventType {
    PICKED_UP(0, "card.picked-up"),
    DELIVERY_EXCEPTION(1, "card.delivery-exception"),
    DELIVERED(2, "card.delivered"),
    RETURNED(2, "card.returned");

    private final int rank;
    private final String topic;

    EventType(int rank, String topic) {
        this.rank = rank;
        this.topic = topic;
    }

    /** Lifecycle rank: {@code PICKED_UP < DELIVERY_EXCEPTION < DELIVERED = RETURNED}. */
    public int rank() {
        return rank;
    }

    /** The Kafka topic that carries events of this type. */
    public String topic() {
        return topic;
    }
}
