package com.zywa.cardstatus.notifier.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zywa.cardstatus.notifier.webhook.Change;
import com.zywa.cardstatus.notifier.webhook.EventKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ChangeReaderTests {

    private static final long WRITTEN = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();

    @Test
    void readsAStatusAsItsJsonWithTheCardFromTheKeyAndTheRecordsTime() {
        Change change = ChangeReader.read(
                        record("card.status", "ZYW8827", "{\"card_id\":\"ZYW8827\",\"status\":\"DELIVERED\"}"),
                        EventKind.STATUS_CHANGED)
                .orElseThrow();

        assertThat(change.cardId()).isEqualTo("ZYW8827");
        assertThat(change.payload().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(change.time()).isEqualTo(Instant.ofEpochMilli(WRITTEN));
        assertThat(change.offset()).isEqualTo(42);
    }

    @Test
    void takesTheTimeOfAChangeFromItsAsOf() {
        Change change = ChangeReader.read(
                        record(
                                "card.status",
                                "ZYW8827",
                                "{\"status\":\"DELIVERED\",\"as_of\":\"2024-03-01T09:00:00Z\"}"),
                        EventKind.STATUS_CHANGED)
                .orElseThrow();

        assertThat(change.time()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
    }

    @Test
    void readsAStallSentAsAStructuredCloudEventByItsData() {
        Change change = ChangeReader.read(
                        record(
                                "card.stalled",
                                null,
                                "{\"specversion\":\"1.0\",\"type\":\"com.zywa.card.stalled\",\"subject\":\"ZYW7631\","
                                        + "\"data\":{\"status\":\"PICKED_UP\",\"stalled_since\":\"2024-03-04T00:00:00Z\"}}"),
                        EventKind.STALLED)
                .orElseThrow();

        assertThat(change.cardId()).isEqualTo("ZYW7631");
        assertThat(change.payload().get("stalled_since").asString()).isEqualTo("2024-03-04T00:00:00Z");
        assertThat(change.payload().has("specversion")).isFalse();
    }

    @Test
    void skipsATombstoneAndRefusesWhatIsNoChange() {
        assertThat(ChangeReader.read(record("card.status", "ZYW8827", null), EventKind.STATUS_CHANGED))
                .isEqualTo(Optional.empty());
        assertThatThrownBy(() -> ChangeReader.read(
                        record("card.status", "ZYW8827", "not json +971585949014"), EventKind.STATUS_CHANGED))
                .hasMessage("not JSON");
        assertThatThrownBy(() -> ChangeReader.read(record("card.status", "ZYW8827", "[1]"), EventKind.STATUS_CHANGED))
                .hasMessage("not a JSON object");
        assertThatThrownBy(() -> ChangeReader.read(
                        record("card.status", null, "{\"status\":\"DELIVERED\"}"), EventKind.STATUS_CHANGED))
                .hasMessageContaining("names no card");
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, String value) {
        return new ConsumerRecord<>(
                topic,
                0,
                42,
                WRITTEN,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(),
                Optional.empty());
    }
}
