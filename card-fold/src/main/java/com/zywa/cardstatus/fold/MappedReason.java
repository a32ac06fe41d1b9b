package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Responsible;
import org.jspecify.annotations.Nullable;

/**
 * The reason one event was given (contract §10): null for a pick-up or a delivery; {@code rawReason} the partner's
 * code, or its comment when that was what could not be mapped; {@code unmapped} when the partner sent a code or a
 * comment the mapping does not know (counted and listed for ops), not when it sent nothing.
 */
public record MappedReason(
        EventType type, @Nullable Reason reason, @Nullable String rawReason, boolean unmapped) {

    public @Nullable Responsible responsible() {
        return reason == null ? null : reason.responsible();
    }

    public ActionRequired action() {
        return Reason.actionFor(type, reason);
    }
}
