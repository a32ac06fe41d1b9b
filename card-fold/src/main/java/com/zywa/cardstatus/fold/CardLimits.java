package com.zywa.cardstatus.fold;

import org.jspecify.annotations.Nullable;

/**
 * The bounds of one card (contract §7, §11.2): how many events its state keeps (older ones are compacted into
 * counts), how many quarantined events it holds, and how many bytes its encoded state and its status record may take,
 * so that both always fit Kafka's default 1 MB message size.
 */
public final class CardLimits {

    /** Most distinct events one card's state keeps; beyond it, the oldest are compacted into counts. */
    public static final int MAX_EVENTS = 1_000;

    /** Most quarantined events one card holds (contract §11.1); beyond it, the oldest is dropped. */
    public static final int MAX_QUARANTINED = 100;

    /** Most bytes of a card's encoded state, and of its status record, leaving room below 1 MB for headers. */
    public static final int MAX_BYTES = 900_000;

    private CardLimits() {}

    /** Why {@code state}, taking the given encoded sizes, may not be kept; null when it is within the bounds. */
    public static @Nullable String exceeded(CardState state, int stateBytes, int statusBytes) {
        if (stateBytes > MAX_BYTES) {
            return "card " + state.cardId() + " state would take " + stateBytes + " bytes, over the budget of "
                    + MAX_BYTES;
        }
        if (statusBytes > MAX_BYTES) {
            return "card " + state.cardId() + " status record would take " + statusBytes + " bytes, over the budget of "
                    + MAX_BYTES;
        }
        return null;
    }
}
