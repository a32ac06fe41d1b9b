package com.zywa.cardstatus.formats;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.InputLimits;
import java.util.List;

/** What became of one row: an event (possibly with data-quality warnings) or a rejection with its reason. */
public sealed interface RowOutcome {

    int line();

    /** The row became {@code event}; {@code warnings} say what was lost or doubtful on the way. */
    record Accepted(int line, CardEvent event, List<String> warnings) implements RowOutcome {
        public Accepted {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The row cannot become an event; {@code reason} says why, {@code raw} keeps its text for replay, both bounded
     * as {@link InputLimits} says, wherever they are kept (reports, the rejects topic).
     */
    record Rejected(int line, String reason, String raw) implements RowOutcome {
        public Rejected {
            reason = InputLimits.reason(reason);
            raw = InputLimits.raw(raw);
        }
    }
}
