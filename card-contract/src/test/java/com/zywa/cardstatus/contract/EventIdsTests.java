package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTests {

    private static final Instant AT = Instant.parse("2023-11-13T09:34:56Z");

    @Test
    void sameIdentityGivesSameId() {
        assertThat(EventIds.eventId(EventType.DELIVERED, "ZYW8827", AT, "A883"))
                .isEqualTo(EventIds.eventId(EventType.DELIVERED, "ZYW8827", AT, "A883"));
    }

    @Test
    void everyIdentityPartChangesTheId() {
        String base = EventIds.eventId(EventType.DELIVERED, "ZYW8827", AT, "A883");

        assertThat(EventIds.eventId(EventType.RETURNED, "ZYW8827", AT, "A883")).isNotEqualTo(base);
        assertThat(EventIds.eventId(EventType.DELIVERED, "ZYW8828", AT, "A883")).isNotEqualTo(base);
        assertThat(EventIds.eventId(EventType.DELIVERED, "ZYW8827", AT.plusSeconds(1), "A883"))
                .isNotEqualTo(base);
        assertThat(EventIds.eventId(EventType.DELIVERED, "ZYW8827", AT, "A884")).isNotEqualTo(base);
        assertThat(EventIds.eventId(EventType.DELIVERED, "ZYW8827", AT, null)).isNotEqualTo(base);
    }

    @Test
    void doesNotDependOnPhoneCommentOrSource() {
        CardEvent one = CardEvent.of(
                EventType.DELIVERED,
                "ZYW8827",
                "+971585949014",
                AT,
                "DELIVERED",
                "A883",
                EventSource.upload("default", "u1", "a.csv", 2, "ops-test"));
        CardEvent two = CardEvent.of(
                EventType.DELIVERED, "ZYW8827", null, AT, "other", "A883", EventSource.api("default", "courier"));

        assertThat(one.eventId()).isEqualTo(two.eventId());
    }

    @Test
    void isAVersion5Uuid() {
        String id = EventIds.eventId(EventType.PICKED_UP, "ZYW8827", AT, "332");

        assertThat(UUID.fromString(id).version()).isEqualTo(5);
    }
}
