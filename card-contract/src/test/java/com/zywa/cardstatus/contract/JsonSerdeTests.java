package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTests {

    private final JsonSerde<CardEvent> serde = JsonSerde.cardEvents();

    @Test
    void roundTripsAnEvent() {
        CardEvent event = CardEvent.of(
                EventType.DELIVERY_EXCEPTION,
                "ZYW8890",
                "+971534534534",
                Instant.parse("2023-11-13T10:00:00Z"),
                "User not available",
                "A982",
                EventSource.upload("default", "u1", "exceptions.csv", 2, "ops-test"));

        byte[] bytes = serde.serializer().serialize("t", event);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(event);
    }

    @Test
    void writesTheSpecFieldNames() {
        CardEvent event = CardEvent.of(
                EventType.PICKED_UP,
                "ZYW8827",
                null,
                Instant.parse("2023-11-12T19:59:00Z"),
                null,
                "332",
                EventSource.api("default", "courier-x"));

        String json = new String(serde.serializer().serialize("t", event), StandardCharsets.UTF_8);

        assertThat(json)
                .contains(
                        "\"event_id\":\"" + event.eventId() + "\"",
                        "\"type\":\"PICKED_UP\"",
                        "\"card_id\":\"ZYW8827\"",
                        "\"occurred_at\":\"2023-11-12T19:59:00Z\"",
                        "\"partner_event_id\":\"332\"");
    }

    @Test
    void explainsWhatCouldNotBeRead() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("card.delivered", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("card.delivered")
                .hasMessageContaining("CardEvent");
    }
}
