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
 * state after one more event. The result depends only on the set of events folded, never on their arrival order or
 * on duplicates. {@code stalledSince} is set when the card stalls ({@link #stalled}, contract §13) and cleared by its
 * next event: one that becomes its current event.
 *
 * <p>Beyond {@link CardLimits#MAX_EVENTS} kept events, the oldest are compacted into {@link Compacted} counts
 * (contract §11.2): status, phone, exception and attempt counts stay exact, and an event at or before the compacted
 * window that the card does not keep is {@link #olderThanKept older than the kept window}: absorbed, never folded.
 *
 * <p>A card belongs to its {@code owner} (contract §11.1): the partner of its first event, or one ops assign. An event
 * of another partner is quarantined instead of folded: kept in {@code quarantined} (arrival order, at most
 * {@link CardLimits#MAX_QUARANTINED}, the oldest dropped beyond) until ops {@link #accept} or {@link #discard} it.
 */
public record CardState(
        String cardId,
        long version,
        List<FoldedEvent> events,
        @Nullable Instant stalledSince,
        @Nullable String owner,
        @Nullable Compacted compacted,
        List<FoldedEvent> quarantined) {

    /** States written before owners existed belong to the partner of their first kept event that names one. */
    public CardState {
        Objects.requireNonNull(cardId, "cardId");
        events = List.copyOf(events);
        quarantined = List.copyOf(quarantined);
        if (owner == null) {
            owner = events.stream()
                    .map(FoldedEvent::partner)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A state without compaction or quarantine, owned by the partner of its first event. */
    public CardState(String cardId, long version, List<FoldedEvent> events, @Nullable Instant stalledSince) {
        this(cardId, version, events, stalledSince, null, null, List.of());
    }

    /** A state that is not stalled. */
    public CardState(String cardId, long version, List<FoldedEvent> events) {
        this(cardId, version, events, null);
    }

    /** The state of a card no event has been seen for. */
    public static CardState empty(String cardId) {
        return new CardState(cardId, 0, List.of());
    }

    /**
     * The state after {@code event}; {@code this} itself when the event changes nothing (a duplicate, or an event
     * older than the kept window). An event of another partner than the owner is quarantined.
     */
    public CardState apply(CardEvent event) {
        return apply(event, CardLimits.MAX_EVENTS);
    }

    /** As {@link #apply(CardEvent)}, keeping at most {@code maxEvents} events (tests use small bounds). */
    CardState apply(CardEvent event, int maxEvents) {
        if (!event.cardId().equals(cardId)) {
            throw new IllegalArgumentException("event for card " + event.cardId() + " folded into card " + cardId);
        }
        FoldedEvent incoming = FoldedEvent.of(event);
        if (quarantines(incoming)) {
            // even a copy of a kept event (event IDs do not name the partner): another partner never merges into it
            return quarantine(incoming);
        }
        int existing = indexOf(events, incoming.eventId());
        if (existing >= 0) {
            FoldedEvent merged = events.get(existing).mergedWith(incoming);
            if (merged.equals(events.get(existing))) {
                return this;
            }
            List<FoldedEvent> next = new ArrayList<>(events);
            next.set(existing, merged);
            return new CardState(cardId, version + 1, next, stalledSince, owner, compacted, quarantined);
        }
        if (compacted != null && compacted.covers(incoming)) {
            return this;
        }
        return insert(incoming, owner, quarantined, maxEvents);
    }

    /**
     * Whether {@code event} is neither kept nor quarantined by this card but at or before its compacted window: the
     * fold absorbs it without folding (contract §11.2), whether it is a re-sent compacted event or one never seen.
     */
    public boolean olderThanKept(CardEvent event) {
        FoldedEvent incoming = FoldedEvent.of(event);
        return compacted != null
                && indexOf(events, incoming.eventId()) < 0
                && !quarantines(incoming)
                && compacted.covers(incoming);
    }

    /** Whether {@code event} would be quarantined: it names a partner other than the card's owner. */
    public boolean quarantines(CardEvent event) {
        return quarantines(FoldedEvent.of(event));
    }

    private boolean quarantines(FoldedEvent incoming) {
        return owner != null && incoming.partner() != null && !owner.equals(incoming.partner());
    }

    private CardState quarantine(FoldedEvent incoming) {
        List<FoldedEvent> next = new ArrayList<>(quarantined);
        int existing = indexOf(quarantined, incoming.eventId());
        if (existing >= 0) {
            FoldedEvent merged = quarantined.get(existing).mergedWith(incoming);
            if (merged.equals(quarantined.get(existing))) {
                return this;
            }
            next.set(existing, merged);
        } else {
            next.add(incoming);
            while (next.size() > CardLimits.MAX_QUARANTINED) {
                next.remove(0);
            }
        }
        return new CardState(cardId, version + 1, events, stalledSince, owner, compacted, next);
    }

    /** Folds a new event (not kept yet) in order, compacting the oldest beyond {@code maxEvents}. */
    private CardState insert(
            FoldedEvent incoming, @Nullable String newOwner, List<FoldedEvent> newQuarantined, int maxEvents) {
        List<FoldedEvent> next = new ArrayList<>(events);
        int at = Collections.binarySearch(next, incoming, FoldedEvent.ORDER);
        next.add(-at - 1, incoming);
        boolean stillCurrent = !events.isEmpty()
                && next.get(next.size() - 1).eventId().equals(current().eventId());
        Compacted nextCompacted = compacted;
        if (next.size() > maxEvents) {
            List<FoldedEvent> oldest = next.subList(0, next.size() - maxEvents);
            nextCompacted = Compacted.with(compacted, oldest);
            oldest.clear();
        }
        return new CardState(
                cardId,
                version + 1,
                next,
                stillCurrent ? stalledSince : null,
                newOwner == null ? incoming.partner() : newOwner,
                nextCompacted,
                newQuarantined);
    }

    /**
     * This state with its oldest events compacted so that at most {@code keep} (at least 1) remain; the same version,
     * as the card's status does not change. The fold uses it when the card's encoded state would exceed its byte
     * budget (contract §11.2).
     */
    public CardState compactedTo(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("a card keeps at least its current event");
        }
        if (events.size() <= keep) {
            return this;
        }
        List<FoldedEvent> next = new ArrayList<>(events);
        List<FoldedEvent> oldest = next.subList(0, next.size() - keep);
        Compacted nextCompacted = Compacted.with(compacted, oldest);
        oldest.clear();
        return new CardState(cardId, version, next, stalledSince, owner, nextCompacted, quarantined);
    }

    /**
     * Ops accepted the quarantined event {@code eventId} (contract §11.1): a hand-over, the card now belongs to the
     * event's partner and the event is folded. {@code this} when the card holds no such quarantined event.
     */
    public CardState accept(String eventId) {
        int at = indexOf(quarantined, eventId);
        if (at < 0) {
            return this;
        }
        FoldedEvent event = quarantined.get(at);
        List<FoldedEvent> rest = new ArrayList<>(quarantined);
        rest.remove(at);
        String newOwner = event.partner() == null ? owner : event.partner();
        if (indexOf(events, eventId) >= 0 || (compacted != null && compacted.covers(event))) {
            return new CardState(cardId, version + 1, events, stalledSince, newOwner, compacted, rest);
        }
        return insert(event, newOwner, rest, CardLimits.MAX_EVENTS);
    }

    /** Ops discarded the quarantined event {@code eventId}; {@code this} when the card holds no such event. */
    public CardState discard(String eventId) {
        int at = indexOf(quarantined, eventId);
        if (at < 0) {
            return this;
        }
        List<FoldedEvent> rest = new ArrayList<>(quarantined);
        rest.remove(at);
        return new CardState(cardId, version + 1, events, stalledSince, owner, compacted, rest);
    }

    /** Ops assigned the card to {@code partner}; {@code this} when it already belongs to it. */
    public CardState assign(String partner) {
        Objects.requireNonNull(partner, "partner");
        if (partner.equals(owner)) {
            return this;
        }
        return new CardState(cardId, version + 1, events, stalledSince, partner, compacted, quarantined);
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
        return new CardState(cardId, version + 1, events, since, owner, compacted, quarantined);
    }

    private static int indexOf(List<FoldedEvent> events, String eventId) {
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
        return compacted == null ? null : compacted.phone();
    }

    /** How many distinct delivery-exception events the card has, compacted ones included. */
    public int deliveryExceptions() {
        return (compacted == null ? 0 : compacted.exceptions())
                + (int) events.stream()
                        .filter(event -> event.type() == EventType.DELIVERY_EXCEPTION)
                        .count();
    }

    /** How many distinct delivery attempts the card had: its exceptions, plus its delivery if it was delivered. */
    public int attempts() {
        boolean delivered = (compacted != null && compacted.delivered())
                || events.stream().anyMatch(event -> event.type() == EventType.DELIVERED);
        return deliveryExceptions() + (delivered ? 1 : 0);
    }

    /** The partner of the most recent event that names one: the courier whose words decided the card's reason. */
    public @Nullable String partner() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).partner() != null) {
                return events.get(i).partner();
            }
        }
        return compacted == null ? null : compacted.partner();
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
