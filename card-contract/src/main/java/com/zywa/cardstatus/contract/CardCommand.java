package com.zywa.cardstatus.contract;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ops decision about one card (contract §11.1), on {@link Topics#COMMANDS} keyed by card ID, which the fold reads
 * in the same exactly-once transaction as the card's events: accept or discard one of its quarantined events, or
 * assign its owner. The topic keeps every decision: it is the record of hand-overs.
 *
 * @param eventId the quarantined event decided (accept, discard)
 * @param owner the partner the card is assigned to (assign)
 * @param caller who decided (the ops caller's name)
 * @param at when ingest accepted the decision
 */
public record CardCommand(
        Action action,
        String cardId,
        @Nullable String eventId,
        @Nullable String owner,
        String caller,
        Instant at) {

    /** What ops decided. */
    public enum Action {
        /** A hand-over: the card now belongs to the quarantined event's partner, and the event is folded. */
        ACCEPT,
        /** The quarantined event is dropped. */
        DISCARD,
        /** The card now belongs to {@code owner}. */
        ASSIGN
    }

    public CardCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(at, "at");
        if (action == Action.ASSIGN ? owner == null : eventId == null) {
            throw new IllegalArgumentException(action == Action.ASSIGN ? "assign needs an owner" : "needs an event ID");
        }
    }
}
