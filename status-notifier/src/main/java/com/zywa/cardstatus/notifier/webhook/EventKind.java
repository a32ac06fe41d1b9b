package com.zywa.cardstatus.notifier.webhook;

/** What a webhook tells, as its CloudEvent {@code type}. */
public enum EventKind {
    /** A card's status changed (a {@code card.status} record whose content differs from the last one sent). */
    STATUS_CHANGED("com.zywa.card.status-changed"),
    /** A card stalled (a {@code card.stalled} record). */
    STALLED("com.zywa.card.stalled"),
    /** A test event ops sent to check a receiver; never about a real card. */
    TEST("com.zywa.card.test");

    private final String type;

    EventKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
