package com.zywa.cardstatus.formats;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.InputLimits;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
     * as {@link InputLimits} says, wherever they are kept (reports, the rejects topic). {@code phone} is the row's
     * phone field in E.164 when it reads as one (null otherwise): whose key the raw text is sealed under (contract
     * §12).
     */
    record Rejected(
            int line, String reason, String raw, @Nullable String phone) implements RowOutcome {
        public Rejected {
            reason = InputLimits.reason(reason);
            raw = InputLimits.raw(raw);
        }

        /** A rejection whose phone is not known (a record that could not be read into fields). */
        public Rejected(int line, String reason, String raw) {
            this(line, reason, raw, null);
        }

        /** The same rejection with its raw text replaced (e.g. sealed). */
        public Rejected withRaw(String other) {
            return new Rejected(line, reason, other, phone);
        }
    }
}
