package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardCommand;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardQuarantine;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.CardLimits;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.fold.CardStateCodec;
import com.zywa.cardstatus.fold.CardStateTooLargeException;
import com.zywa.cardstatus.fold.FoldedEvent;
import com.zywa.cardstatus.processor.deadletter.DeadLetterWriter;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds one event into its card's state in the {@value CardStatusTopology#STORE} store (codec bytes) and forwards
 * the card's new status, its reasons given by the mapping in force ({@link FoldReasons}) and {@code as_of} the record's
 * timestamp; a newly folded event that mapping cannot map is reported. A card over {@link CardLimits} keeps its
 * newest events and compacts the oldest into counts (contract §11.2). An event that is not for its key's card, breaks
 * a field limit of {@link InputLimits}, or is at or before a card's compacted window without being kept, is
 * forwarded as set aside with its reason instead, and the state stays as it was. Another partner's event is
 * quarantined in the state (contract §11.1) and ops decide it with a {@link CardCommand}; each change of a card's
 * owner or quarantined events is forwarded as a {@link CardQuarantine}. Keeps the {@link StallIndex} in step with each card's
 * state and stalls due cards on the wall clock ({@link StallCheck}).
 */
final class FoldProcessor implements Processor<String, Object, String, FoldOutcome> {

    private static final Logger log = LoggerFactory.getLogger(FoldProcessor.class);

    private final Serializer<CardStatus> statusJson = new JsonSerde<>(CardStatus.class).serializer();
    private final FoldReasons reasons;
    private final StallSchedule stalls;
    private ProcessorContext<String, FoldOutcome> context;
    private TimestampedKeyValueStore<String, byte[]> store;
    private StallIndex stallIndex;

    FoldProcessor(FoldReasons reasons, StallSchedule stalls) {
        this.reasons = reasons;
        this.stalls = stalls;
    }

    @Override
    public void init(ProcessorContext<String, FoldOutcome> context) {
        this.context = context;
        this.store = context.getStateStore(CardStatusTopology.STORE);
        this.stallIndex = new StallIndex(context.getStateStore(CardStatusTopology.STALL_INDEX));
        StallCheck check = new StallCheck(store, stallIndex, stalls, reasons, context::forward);
        context.schedule(stalls.checkInterval(), PunctuationType.WALL_CLOCK_TIME, check::run);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof CardCommand command) {
            command(record, command);
            return;
        }
        CardEvent event = (CardEvent) record.value();
        if (event == null) {
            setAside(record, "record without a value: not an event");
            return;
        }
        if (!event.cardId().equals(record.key())) {
            // folded under this key it would land on the wrong partition's state
            setAside(record, "keyed by " + record.key() + ", not by its card ID " + event.cardId());
            return;
        }
        String problem = InputLimits.problem(event);
        if (problem != null) {
            // ingest refuses such events; one that came by another path must not poison the card's status
            setAside(record, problem);
            return;
        }
        ValueAndTimestamp<byte[]> stored = store.get(record.key());
        CardState before = stored == null ? CardState.empty(record.key()) : CardStateCodec.decode(stored.value());
        if (before.olderThanKept(event)) {
            // contract §11.2: at or before the card's compacted window, and not kept: answered, never folded
            setAside(
                    record,
                    "card " + before.cardId() + " compacted its events up to "
                            + before.compacted().lastAt() + "; this event is at or before them and not among the "
                            + before.events().size()
                            + " it keeps: a re-sent compacted event, or older than the kept window");
            return;
        }
        CardState after = before.apply(event);
        if (after == before) {
            return; // a duplicate of an event already folded or quarantined: absorbed, nothing changed
        }
        long timestamp = stored == null ? record.timestamp() : Math.max(record.timestamp(), stored.timestamp());
        if (!fold(record, before, after, timestamp, reason -> setAside(record, reason))) {
            return;
        }
        if (before.events().stream().noneMatch(folded -> folded.eventId().equals(event.eventId()))) {
            countIfUnmapped(after, event);
        }
        for (FoldedEvent dropped : before.quarantined()) {
            if (after.quarantined().stream().noneMatch(kept -> kept.eventId().equals(dropped.eventId()))) {
                // contract §11.1: past the most quarantined events a card holds, its oldest is dropped, with a reason
                setAside(
                        record.withValue(asEvent(after.cardId(), dropped)),
                        "card " + after.cardId() + " holds at most " + CardLimits.MAX_QUARANTINED
                                + " quarantined events: its oldest, of partner " + dropped.partner()
                                + ", was dropped undecided");
            }
        }
    }

    /** An ops decision (contract §11.1); one that names no quarantined event of the card changes nothing. */
    private void command(Record<String, Object> record, CardCommand command) {
        if (!command.cardId().equals(record.key())) {
            log.warn("Command {} keyed by {} names card {}: ignored", command.action(), record.key(), command.cardId());
            return;
        }
        ValueAndTimestamp<byte[]> stored = store.get(record.key());
        CardState before = stored == null ? CardState.empty(record.key()) : CardStateCodec.decode(stored.value());
        CardState after = switch (command.action()) {
            case ACCEPT -> before.accept(command.eventId());
            case DISCARD -> before.discard(command.eventId());
            case ASSIGN -> before.assign(command.owner());
        };
        if (after == before) {
            log.info(
                    "Command {} by {} for card {} changes nothing (no such quarantined event, or the owner already)",
                    command.action(),
                    command.caller(),
                    command.cardId());
            return;
        }
        log.info("Card {}: {} by {}", command.cardId(), command.action(), command.caller());
        long timestamp = stored == null ? record.timestamp() : Math.max(record.timestamp(), stored.timestamp());
        fold(
                record,
                before,
                after,
                timestamp,
                reason ->
                        log.warn("Command {} for card {} not applied: {}", command.action(), command.cardId(), reason));
    }

    /** Reports a newly folded event that the mapping in force could not map (not a copy of one folded before). */
    private void countIfUnmapped(CardState after, CardEvent event) {
        for (FoldedEvent folded : after.events()) {
            if (folded.eventId().equals(event.eventId())) {
                if (reasons.mapping().map(folded).unmapped()) {
                    reasons.unmapped(folded.partner());
                }
                return;
            }
        }
    }

    /**
     * Stores the card's new state and forwards its status when its events or stall changed, and its owner and
     * quarantined events when they changed (not when a new card just got its first owner); false when it was refused
     * instead. A state or status over the byte budget keeps fewer events, its oldest compacted into counts (contract
     * §11.2), halving until it fits.
     */
    private boolean fold(
            Record<String, ?> record, CardState before, CardState folded, long timestamp, Consumer<String> refuse) {
        CardState after = folded;
        boolean statusChanged = !after.events().isEmpty()
                && !(before.events().equals(after.events())
                        && Objects.equals(before.stalledSince(), after.stalledSince()));
        byte[] state;
        byte[] status;
        while (true) {
            try {
                state = CardStateCodec.encode(after);
            } catch (CardStateTooLargeException e) {
                refuse.accept(e.getMessage());
                return false;
            }
            status = state.length > CardLimits.MAX_BYTES || !statusChanged
                    ? new byte[0]
                    : statusJson.serialize(
                            Topics.STATUS, after.toStatus(reasons.mapping(), Instant.ofEpochMilli(timestamp)));
            String exceeded = CardLimits.exceeded(after, state.length, status.length);
            if (exceeded == null) {
                break;
            }
            if (after.events().size() <= 1) {
                refuse.accept(exceeded);
                return false;
            }
            after = after.compactedTo(after.events().size() / 2);
        }
        store.put(record.key(), ValueAndTimestamp.make(state, timestamp));
        stallIndex.move(record.key(), before.stallsAt(stalls.rules()), after.stallsAt(stalls.rules()));
        if (statusChanged) {
            context.forward(record.withValue(FoldOutcome.folded(status)).withTimestamp(timestamp));
        }
        boolean ownerChanged = before.owner() != null && !before.owner().equals(after.owner());
        if (ownerChanged || !before.quarantined().equals(after.quarantined())) {
            context.forward(record.withValue(FoldOutcome.quarantined(quarantine(after, timestamp)))
                    .withTimestamp(timestamp));
        }
        return true;
    }

    private static CardQuarantine quarantine(CardState state, long timestamp) {
        return new CardQuarantine(
                state.cardId(),
                state.owner(),
                state.version(),
                Instant.ofEpochMilli(timestamp),
                state.quarantined().stream()
                        .map(event -> new CardQuarantine.Event(
                                event.eventId(),
                                event.type(),
                                event.occurredAt(),
                                event.comment(),
                                event.partnerEventId(),
                                event.rawReason(),
                                event.source()))
                        .toList());
    }

    private static CardEvent asEvent(String cardId, FoldedEvent event) {
        return new CardEvent(
                event.eventId(),
                event.type(),
                cardId,
                event.phone(),
                event.occurredAt(),
                event.comment(),
                event.rawReason(),
                event.reason(),
                event.partnerEventId(),
                event.source());
    }

    private void setAside(Record<String, ?> record, String reason) {
        DeadLetterWriter.Origin origin = context.recordMetadata()
                .map(source -> new DeadLetterWriter.Origin(source.topic(), source.partition(), source.offset()))
                .orElse(null);
        context.forward(record.withValue(FoldOutcome.setAside((CardEvent) record.value()))
                .withHeaders(DeadLetterWriter.headers(record.headers(), reason, null, origin)));
    }
}
