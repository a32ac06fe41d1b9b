package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import java.time.Instant;

/** Small factories for fold fixtures. */
final class CardEvents {

    static final String CARD = "ZYW8890";

    private CardEvents() {}

    static CardEvent event(EventType type, String at, String phone) {
        return event(type, at, phone, "p-" + type.rank() + at);
    }

    static CardEvent event(EventType type, String at, String phone, String partnerId) {
        return CardEvent.of(
                type,
                CARD,
                phone,
                Instant.parse(at),
                type.name().toLowerCase(),
                partnerId,
                EventSource.api("default", "test"));
    }

    static CardState fold(Iterable<CardEvent> events) {
        CardState state = CardState.empty(CARD);
        for (CardEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }
}
