package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fold of contract §4: a card's distinct events kept in order, from which its current status, phone, exception
 * and attempt counts, partner and (with a {@link ReasonMapping}) reasons derive. Immutable; {@link #apply} returns the
 * state after one more event. The result depends only on the set of events seen, never on their arrival order or on
 * duplicates. {@code stalledSince} is set when the card stalls ({@link #stalled}, contract §13) and cleared by its
 * next event: one that becomes its current event.
 */
public record CardState(
        String cardId,
        long version,
        List<FoldedEvent> events,
        @Nullable Instant stalledSince) {

    public CardState {
        Objects.requireNonNull(cardId, "cardId");
        events = List.copyOf(events);
    }

    /** A state that is not stalled. */
    public CardState(String cardId, long version, List<FoldedEvent> events) {
        this(cardId, version, events, null);
    }

    /** The state of a card no event has been seen for. */
    public static CardState empty(String cardId) {
        return new CardState(cardId, 0, List.of());
    }

    /** The state after {@code event}; {@code this} itself when the event changes nothing (a duplicate). */
    public CardState apply(CardEvent event) {
        if (!event.cardId().equals(cardId)) {
            throw new IllegalArgumentException("event for card " + event.cardId() + " folded into card " + cardId);
        }
        FoldedEvent incoming = FoldedEvent.of(event);
        List<FoldedEvent> next = new ArrayList<>(events);
        int existing = indexOf(incoming.eventId());
        if (existing >= 0) {
            FoldedEvent merged = events.get(existing).mergedWith(incoming);
            if (merged.equals(events.get(existing))) {
                return this;
            }
            next.set(existing, merged);
        } else {
            int at = Collections.binarySearch(next, incoming, FoldedEvent.ORDER);
            next.add(-at - 1, incoming);
        }
        boolean stillCurrent = !events.isEmpty()
                && next.get(next.size() - 1).eventId().equals(current().eventId());
        return new CardState(cardId, version + 1, next, stillCurrent ? stalledSince : null);
    }

    /**
     * When this card stalls under {@code rules}: its current event's time plus its partner's threshold for its status;
     * null when it has no events, is stalled already, or its status never stalls.
     */
    public @Nullable Instant stallsAt(StallRules rules) {
        if (events.isEmpty() || stalledSince != null) {
            return null;
        }
        Duration threshold = rules.threshold(partner(), current().type());
        return threshold == null ? null : current().occurredAt().plus(threshold);
    }

    /** This card stalled since {@code since}: a change of its state, so a new version. */
    public CardState stalled(Instant since) {
        return new CardState(cardId, version + 1, events, since);
    }

    private int indexOf(String eventId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).eventId().equals(eventId)) {
                return i;
            }
        }
        return -1;
    }

    /** The last event in fold order: the card's current status. */
    public FoldedEvent current() {
        if (events.isEmpty()) {
            throw new IllegalStateException("card " + cardId + " has no events");
        }
        return events.get(events.size() - 1);
    }

    /** The phone of the most recent event that has one, or null. */
    public @Nullable String phone() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).phone() != null) {
                return events.get(i).phone();
            }
        }
        return null;
    }

    /** How many distinct delivery-exception events the card has. */
    public int deliveryExceptions() {
        return (int) events.stream()
                .filter(event -> event.type() == EventType.DELIVERY_EXCEPTION)
                .count();
    }

    /** How many distinct delivery attempts the card had: its exceptions, plus its delivery if it was delivered. */
    public int attempts() {
        boolean delivered = events.stream().anyMatch(event -> event.type() == EventType.DELIVERED);
        return deliveryExceptions() + (delivered ? 1 : 0);
    }

    /** The partner of the most recent event that names one: the courier whose words decided the card's reason. */
    public @Nullable String partner() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).partner() != null) {
                return events.get(i).partner();
            }
        }
        return null;
    }

    /**
     * The public view of this state, as published on the status topic: every event's reason given by
     * {@code mapping} (the one in force now), {@code asOf} when the service accepted the change that made it.
     */
    public CardStatus toStatus(ReasonMapping mapping, Instant asOf) {
        FoldedEvent current = current();
        List<CardStatus.HistoryEntry> history = new ArrayList<>(events.size());
        for (FoldedEvent event : events) {
            MappedReason reason = mapping.map(event);
            history.add(new CardStatus.HistoryEntry(
                    event.type(),
                    event.occurredAt(),
                    event.comment(),
                    reason.reason(),
                    reason.rawReason(),
                    reason.responsible(),
                    reason.action(),
                    event.partnerEventId(),
                    event.source()));
        }
        CardStatus.HistoryEntry now = history.get(history.size() - 1);
        return new CardStatus(
                cardId,
                current.type(),
                current.occurredAt(),
                phone(),
                current.comment(),
                now.reason(),
                now.rawReason(),
                now.responsible(),
                now.actionRequired(),
                deliveryExceptions(),
                attempts(),
                partner(),
                version,
                asOf,
                stalledSince,
                history);
    }
}
