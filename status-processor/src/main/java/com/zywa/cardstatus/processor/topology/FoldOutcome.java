package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardEvent;
import org.jspecify.annotations.Nullable;

/**
 * What the fold made of one event or one stall: the card's new status record (JSON, already measured against the
 * byte budget), with the {@code card.stalled} CloudEvent (JSON) when the card just stalled; or the event itself, set
 * aside for the dead-letter topic with its reason in the record's headers.
 */
record FoldOutcome(byte @Nullable [] status, @Nullable CardEvent setAside, byte @Nullable [] stalled) {

    static FoldOutcome folded(byte[] status) {
        return new FoldOutcome(status, null, null);
    }

    static FoldOutcome stalled(byte[] status, byte[] stalled) {
        return new FoldOutcome(status, null, stalled);
    }

    static FoldOutcome setAside(CardEvent event) {
        return new FoldOutcome(null, event, null);
    }

    boolean isFolded() {
        return status != null;
    }

    boolean isStall() {
        return stalled != null;
    }
}
