package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardQuarantine;
import org.jspecify.annotations.Nullable;

/**
 * What the fold made of one event, one ops command or one stall: the card's new status record (JSON, already measured
 * against the byte budget), with the {@code card.stalled} CloudEvent (JSON) when the card just stalled; or the card's
 * owner and quarantined events when they changed; or the event itself, set aside for the dead-letter topic with its
 * reason in the record's headers.
 */
record FoldOutcome(
        byte @Nullable [] status,
        @Nullable CardEvent setAside,
        byte @Nullable [] stalled,
        @Nullable CardQuarantine quarantine) {

    static FoldOutcome folded(byte[] status) {
        return new FoldOutcome(status, null, null, null);
    }

    static FoldOutcome stalled(byte[] status, byte[] stalled) {
        return new FoldOutcome(status, null, stalled, null);
    }

    static FoldOutcome setAside(CardEvent event) {
        return new FoldOutcome(null, event, null, null);
    }

    static FoldOutcome quarantined(CardQuarantine quarantine) {
        return new FoldOutcome(null, null, null, quarantine);
    }

    boolean isFolded() {
        return status != null;
    }

    boolean isSetAside() {
        return setAside != null;
    }

    boolean isStall() {
        return stalled != null;
    }

    boolean isQuarantine() {
        return quarantine != null;
    }
}
