package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardStalled;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.fold.CardStateCodec;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Stalls the cards whose stall is due by the wall clock (contract §13), from the {@link StallIndex}: each one's state
 * is stored stalled (a new version) and its stalled status and its {@link CardStalled} event are forwarded, all in the
 * fold's transaction, so a restart neither loses nor repeats a stall. Rebuilds the index first when the rules changed.
 */
final class StallCheck {

    private final Serializer<CardStatus> statusJson = new JsonSerde<>(CardStatus.class).serializer();
    private final TimestampedKeyValueStore<String, byte[]> cards;
    private final StallIndex index;
    private final StallSchedule schedule;
    private final FoldReasons reasons;
    private final Consumer<Record<String, FoldOutcome>> forward;

    StallCheck(
            TimestampedKeyValueStore<String, byte[]> cards,
            StallIndex index,
            StallSchedule schedule,
            FoldReasons reasons,
            Consumer<Record<String, FoldOutcome>> forward) {
        this.cards = cards;
        this.index = index;
        this.schedule = schedule;
        this.reasons = reasons;
        this.forward = forward;
    }

    /** Stalls every card due by {@code nowMillis} (up to the schedule's maximum). */
    void run(long nowMillis) {
        String rules = schedule.rules().fingerprint();
        if (!rules.equals(index.rules())) {
            rebuild(rules);
        }
        for (StallIndex.Entry due : index.due(Instant.ofEpochMilli(nowMillis), schedule.maxPerCheck())) {
            index.remove(due);
            ValueAndTimestamp<byte[]> stored = cards.get(due.cardId());
            CardState state = stored == null ? null : CardStateCodec.decode(stored.value());
            Instant at = state == null ? null : state.stallsAt(schedule.rules());
            if (at != null && at.toEpochMilli() == due.at().toEpochMilli()) {
                stall(state.stalled(at), Math.max(nowMillis, stored.timestamp()));
            }
        }
    }

    private void stall(CardState stalled, long timestamp) {
        cards.put(stalled.cardId(), ValueAndTimestamp.make(CardStateCodec.encode(stalled), timestamp));
        CardStatus status = stalled.toStatus(reasons.mapping(), Instant.ofEpochMilli(timestamp));
        forward.accept(new Record<>(
                stalled.cardId(),
                FoldOutcome.stalled(
                        statusJson.serialize(Topics.STATUS, status),
                        CardStalled.of(status).toJson()),
                timestamp));
    }

    /** Indexes every card anew under {@code rules}: once per change of the rules, a scan of the task's cards. */
    private void rebuild(String rules) {
        index.clear(rules);
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = cards.all()) {
            while (all.hasNext()) {
                CardState state = CardStateCodec.decode(all.next().value.value());
                index.move(state.cardId(), null, state.stallsAt(schedule.rules()));
            }
        }
    }
}
