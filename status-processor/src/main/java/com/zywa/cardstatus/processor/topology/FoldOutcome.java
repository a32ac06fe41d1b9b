package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardEvent;
import org.jspecify.annotations.Nullable;

/**
 * What the fold made of one event: the card's new status record (JSON, already measured against the byte budget),
 * or the event itself, set aside for the dead-letter topic with its reason in the record's headers.
 */
record FoldOutcome(byte @Nullable [] status, @Nullable CardEvent setAside) {

    static FoldOutcome folded(byte[] status) {
        return new FoldOutcome(status, null);
    }

    static FoldOutcome setAside(CardEvent event) {
        return new FoldOutcome(null, event);
    }

    boolean isFolded() {
        return status != null;
    }
}
