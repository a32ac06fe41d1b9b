package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.fold.CardStateCodec;
import com.zywa.cardstatus.fold.ReasonMapping;
import com.zywa.cardstatus.fold.StallRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

/** The wall-clock check on its stores: a change of the stall rules re-indexes the cards and changes who stalls. */
class StallCheckTests {

    private static final Instant NOW = Instant.parse("2023-11-20T12:00:00Z");

    private final MockProcessorContext<String, FoldOutcome> context = new MockProcessorContext<>();
    private final TimestampedKeyValueStore<String, byte[]> cards = Stores.timestampedKeyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(CardStatusTopology.STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    private final KeyValueStore<Bytes, byte[]> index = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(CardStatusTopology.STALL_INDEX), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    private final List<Record<String, FoldOutcome>> forwarded = new ArrayList<>();

    StallCheckTests() {
        cards.init(context.getStateStoreContext(), cards);
        index.init(context.getStateStoreContext(), index);
    }

    @Test
    void aShorterThresholdByConfigurationReindexesTheCardsAndStallsTheOnesNowDue() {
        store(pickedUp("ZYW1", NOW.minus(Duration.ofDays(4))));
        store(pickedUp("ZYW2", NOW.minus(Duration.ofDays(1))));
        StallRules fiveDays = new StallRules(Map.of(EventType.PICKED_UP, Duration.ofDays(5)), Map.of());
        check(fiveDays).run(NOW.toEpochMilli());
        assertThat(forwarded).as("nobody stalls in 5 days yet").isEmpty();

        check(StallRules.DEFAULTS).run(NOW.toEpochMilli());

        assertThat(forwarded).extracting(Record::key).containsExactly("ZYW1");
        assertThat(CardStateCodec.decode(cards.get("ZYW1").value()).stalledSince())
                .isEqualTo(NOW.minus(Duration.ofDays(1)));
        check(StallRules.DEFAULTS).run(NOW.plus(Duration.ofDays(2)).toEpochMilli());
        assertThat(forwarded).extracting(Record::key).containsExactly("ZYW1", "ZYW2");
    }

    @Test
    void aLongerThresholdMovesADueCardLater() {
        store(pickedUp("ZYW1", NOW.minus(Duration.ofDays(4))));
        check(StallRules.DEFAULTS).run(NOW.minus(Duration.ofDays(2)).toEpochMilli());

        check(new StallRules(Map.of(EventType.PICKED_UP, Duration.ofDays(6)), Map.of()))
                .run(NOW.toEpochMilli());

        assertThat(forwarded).isEmpty();
    }

    private StallCheck check(StallRules rules) {
        return new StallCheck(
                cards,
                new StallIndex(index),
                new StallSchedule(rules, Duration.ofSeconds(15), 100),
                FoldReasons.fixed(ReasonMapping.none()),
                forwarded::add);
    }

    private void store(CardState state) {
        cards.put(state.cardId(), ValueAndTimestamp.make(CardStateCodec.encode(state), NOW.toEpochMilli()));
    }

    private static CardState pickedUp(String card, Instant at) {
        return CardState.empty(card)
                .apply(CardEvent.of(
                        EventType.PICKED_UP, card, null, at, null, "P-" + card, EventSource.api("default", "t")));
    }
}
