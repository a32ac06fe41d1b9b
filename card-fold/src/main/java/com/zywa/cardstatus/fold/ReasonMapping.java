package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How every partner's codes and comments become reasons (contract §10), applied by the fold to each exception and
 * return when it builds a card's status: the reason the event states, if it applies to its type; else the partner's
 * mapping of its code; else of its comment; else {@link Reason#OTHER}, unmapped when there was a code or a comment to
 * map. A partner without a mapping maps nothing. A v1 event (no code) is upcast here: its comment decides.
 */
public final class ReasonMapping {

    private static final ReasonMapping NONE = new ReasonMapping(Map.of());

    private final Map<String, PartnerReasons> partners;

    private ReasonMapping(Map<String, PartnerReasons> partners) {
        this.partners = Map.copyOf(partners);
    }

    /** The mapping of each partner named. */
    public static ReasonMapping of(Map<String, PartnerReasons> partners) {
        return new ReasonMapping(partners);
    }

    /** A mapping that knows no partner: every code and comment is unmapped. */
    public static ReasonMapping none() {
        return NONE;
    }

    /** The partners this mapping has rules for. */
    public Set<String> partners() {
        return partners.keySet();
    }

    /** The reason of {@code event}, by the rules above. */
    public MappedReason map(FoldedEvent event) {
        EventType type = event.type();
        String code = present(event.rawReason());
        if (!Reason.explains(type)) {
            return new MappedReason(type, null, code, false);
        }
        if (event.reason() != null && event.reason().appliesTo(type)) {
            return new MappedReason(type, event.reason(), code, false);
        }
        String comment = present(event.comment());
        PartnerReasons rules = event.partner() == null ? null : partners.get(event.partner());
        Reason reason = null;
        if (rules != null && code != null) {
            reason = rules.ofCode(type, code);
        }
        if (rules != null && reason == null && comment != null) {
            reason = rules.ofComment(type, comment);
        }
        if (reason != null) {
            return new MappedReason(type, reason, code, false);
        }
        String raw = code != null ? code : comment;
        return new MappedReason(type, Reason.OTHER, raw, raw != null);
    }

    private static @Nullable String present(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
