package com.zywa.cardstatus.processor.rebuild;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.CardStatus.HistoryEntry;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.fold.FoldedEvent;
import com.zywa.cardstatus.fold.MappedReason;
import com.zywa.cardstatus.fold.ReasonMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a re-projection changes in a status (contract §10): each exception or return whose reason is missing (folded
 * before status v2) or {@link Reason#OTHER} is mapped again from its raw code or comment by the mapping in force, and
 * the card's own reason follows its current event's. Nothing else changes, the version included: a remapped reason is
 * the same status, better explained.
 */
final class Remapping {

    /** The partner of statuses and entries folded before status v2, which name none: the only partner there was. */
    static final String PARTNER_BEFORE_V2 = "default";

    /** The status to store, and how many history entries got a reason they did not have. */
    record Result(CardStatus status, int remapped) {}

    private Remapping() {}

    static Result remap(CardStatus status, ReasonMapping mapping) {
        List<HistoryEntry> history = new ArrayList<>(status.history().size());
        int remapped = 0;
        for (HistoryEntry entry : status.history()) {
            HistoryEntry better = remap(entry, status.partner(), mapping);
            remapped += better == entry ? 0 : 1;
            history.add(better);
        }
        if (remapped == 0) {
            return new Result(status, 0);
        }
        HistoryEntry now = history.get(history.size() - 1);
        boolean follows = unexplained(status.status(), status.reason())
                && now.status() == status.status()
                && now.at().equals(status.statusAt());
        return new Result(
                new CardStatus(
                        status.cardId(),
                        status.status(),
                        status.statusAt(),
                        status.phone(),
                        status.comment(),
                        follows ? now.reason() : status.reason(),
                        follows ? now.rawReason() : status.rawReason(),
                        follows ? now.responsible() : status.responsible(),
                        follows ? now.actionRequired() : status.actionRequired(),
                        status.deliveryExceptions(),
                        status.attempts(),
                        status.partner(),
                        status.version(),
                        status.asOf(),
                        history),
                remapped);
    }

    /** The entry with the reason the mapping gives it now, or the same entry when it has one or still gets none. */
    private static HistoryEntry remap(HistoryEntry entry, @Nullable String cardPartner, ReasonMapping mapping) {
        if (!unexplained(entry.status(), entry.reason())) {
            return entry;
        }
        EventSource source = entry.source();
        String partner = source != null && source.partner() != null
                ? source.partner()
                : Objects.requireNonNullElse(cardPartner, PARTNER_BEFORE_V2);
        // an unmapped comment was kept as the raw reason: it is a comment, not a code
        String code = Objects.equals(entry.rawReason(), entry.comment()) ? null : entry.rawReason();
        MappedReason mapped = mapping.map(new FoldedEvent(
                "remap",
                entry.status(),
                entry.at(),
                null,
                entry.comment(),
                entry.partnerEventId(),
                code,
                null,
                new EventSource(partner, null, null, null, null, null, null, null)));
        if (mapped.reason() == null || mapped.reason() == Reason.OTHER) {
            return entry;
        }
        return new HistoryEntry(
                entry.status(),
                entry.at(),
                entry.comment(),
                mapped.reason(),
                mapped.rawReason(),
                mapped.responsible(),
                mapped.action(),
                entry.partnerEventId(),
                source);
    }

    private static boolean unexplained(EventType type, @Nullable Reason reason) {
        return Reason.explains(type) && (reason == null || reason == Reason.OTHER);
    }
}
