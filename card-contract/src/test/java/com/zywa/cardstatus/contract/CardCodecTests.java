package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** What the event and status codecs do with input other than their own form: databind's answer, phones masked. */
class CardCodecTests {

    private static final String EVENT = "{\"event_id\":\"e1\",\"type\":\"DELIVERED\",\"card_id\":\"ZYW1\","
            + "\"phone\":\"+971501234567\",\"occurred_at\":\"2023-11-13T09:34:56Z\",\"source\":{\"line\":7}}";

    private final Deserializer<CardEvent> events = JsonSerde.cardEvents().deserializer();
    private final Deserializer<CardStatus> statuses = new CardStatusDeserializer();

    @Test
    void refusesEveryTruncatedEventNamingTopicAndTypeWithoutThePhone() {
        for (int length = 0; length < EVENT.length(); length++) {
            byte[] cut = bytes(EVENT.substring(0, length));

            assertThatThrownBy(() -> events.deserialize("card.delivered", cut))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("topic card.delivered: not a CardEvent JSON document")
                    .hasMessageNotContaining("501234567");
        }
    }

    @Test
    void masksAPhoneInAFieldOfTheWrongType() {
        byte[] json = bytes(EVENT.replace("\"line\":7", "\"line\":\"+971501234567\""));

        assertThatThrownBy(() -> events.deserialize("card.delivered", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("(at source.line)")
                .hasMessageNotContaining("501234567");
    }

    @Test
    void refusesAnythingAfterTheDocument() {
        assertThatThrownBy(() -> events.deserialize("t", bytes(EVENT + " {}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> statuses.deserialize("t", bytes(status() + "]")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void refusesAnEventWithoutItsIdentifyingFieldsAndAStatusWithoutVersion() {
        assertThatThrownBy(() -> events.deserialize("t", bytes(EVENT.replace("\"card_id\":\"ZYW1\",", ""))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cardId");
        assertThatThrownBy(() -> statuses.deserialize("t", bytes(status().replace("\"version\":3,", ""))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("(at version)");
    }

    @Test
    void keepsDatabindsLenienceForFormsThePipelineDoesNotWrite() {
        CardEvent event = events.deserialize(
                "t",
                bytes(EVENT.replace("\"line\":7", "\"line\":\"7\"")
                        .replace("\"+971501234567\"", "971501234567")
                        .replace("\"card_id\":\"ZYW1\"", "\"card_id\":\"ZYW0\"")
                        .replace("}}", "},\"card_id\":\"ZYW1\"}")));

        assertThat(event.source().line()).isEqualTo(7);
        assertThat(event.phone()).isEqualTo("971501234567");
        assertThat(event.cardId()).isEqualTo("ZYW1");
        assertThat(events.deserialize("t", bytes("null"))).isNull();
    }

    @Test
    void readsAStatusWhoseHistoryEntriesLackFieldsAsDatabindDoes() {
        CardStatus status =
                statuses.deserialize("t", bytes(status().replace(",\"comment\":\"late\"", ",\"extra\":[1]")));

        assertThat(status.history())
                .containsExactly(
                        CardStatus.HistoryEntry.of(EventType.PICKED_UP, Instant.parse("2023-11-12T08:00:00Z"), null));
        assertThat(status)
                .isEqualTo(Json.MAPPER.readValue(status().replace(",\"comment\":\"late\"", ""), CardStatus.class));
    }

    private static String status() {
        CardStatus status = new CardStatus(
                "ZYW1",
                EventType.PICKED_UP,
                Instant.parse("2023-11-12T08:00:00Z"),
                "+971501234567",
                null,
                null,
                null,
                null,
                ActionRequired.NONE,
                0,
                1,
                "default",
                3,
                Instant.parse("2023-11-12T08:00:01Z"),
                List.of(CardStatus.HistoryEntry.of(
                        EventType.PICKED_UP, Instant.parse("2023-11-12T08:00:00Z"), "late")));
        return new String(CardStatusCodec.write(status), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
