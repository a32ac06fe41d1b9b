package com.zywa.cardstatus.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of the fold over generated event sets. Times are drawn from a small range so that ties on
 * occurred_at, equal event IDs and missing phones are common.
 */
class CardStatePropertyTests {

    private static final int TRIES = 1_000;
    private static final Instant BASE = Instant.parse("2023-11-12T00:00:00Z");
    private static final String[] PHONES = {null, "+971585949014", "+971534534534", "+971545576586"};
    private static final String[] COMMENTS = {
        null, "User not available", "User declined to accept package", "left at door", "c4"
    };
    private static final String[] CODES = {null, "NH", "RF", "ID_VERIFICATION_FAILED", "ZZ"};
    private static final EventSource[] SOURCES = {
        EventSource.api("default", "property"), EventSource.api("swift", "property")
    };
    /** The shipped default for partner default, and codes of its own for swift. */
    private static final ReasonMapping MAPPING = ReasonMappingFile.parse("""
            partners:
              default:
                comments:
                  - {pattern: 'not available', reason: RECIPIENT_UNAVAILABLE}
                  - {pattern: declined, reason: RECIPIENT_REFUSED}
                  - {pattern: declined, reason: REFUSED}
              swift:
                codes:
                  NH: RECIPIENT_UNAVAILABLE
                  RF: [RECIPIENT_REFUSED, REFUSED]
            """);

    private static final Instant AS_OF = Instant.parse("2024-01-01T00:00:00Z");

    /** Events of partner default; the sets below are each of one partner, the card's owner. */
    private static final Gen<CardEvent> EVENTS = events(SOURCES[0]);

    private static final Gen<List<CardEvent>> EVENT_SETS = integers()
            .between(0, SOURCES.length - 1)
            .flatMap(partner -> lists().of(events(SOURCES[partner])).ofSizeBetween(1, 15));

    /** An event's comment and code follow from its identity, so copies of one event differ in phone only. */
    private static Gen<CardEvent> events(EventSource source) {
        return integers()
                .between(0, 3)
                .zip(
                        integers().between(0, 12),
                        integers().between(0, 3),
                        integers().between(0, 4),
                        (type, hour, phone, partnerId) -> CardEvent.of(
                                EventType.values()[type],
                                CardEvents.CARD,
                                PHONES[phone],
                                BASE.plusSeconds(3600L * hour),
                                COMMENTS[partnerId],
                                CODES[(type + hour) % CODES.length],
                                "P" + partnerId,
                                source));
    }

    @Test
    void anyPermutationGivesTheSameState() {
        qt().withExamples(TRIES).forAll(EVENT_SETS, longs().all()).checkAssert((events, seed) -> {
            List<CardEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));

            assertSameCard(CardEvents.fold(shuffled), CardEvents.fold(events));
        });
    }

    @Test
    void anyDuplicationGivesTheSameState() {
        qt().withExamples(TRIES)
                .forAll(EVENT_SETS, longs().all(), integers().between(1, 20))
                .checkAssert((events, seed, copies) -> {
                    Random random = new Random(seed);
                    List<CardEvent> duplicated = new ArrayList<>(events);
                    for (int i = 0; i < copies; i++) {
                        duplicated.add(events.get(random.nextInt(events.size())));
                    }
                    Collections.shuffle(duplicated, random);

                    assertSameCard(CardEvents.fold(duplicated), CardEvents.fold(events));
                });
    }

    @Test
    void aLateOlderEventNeverChangesTheCurrentStatus() {
        qt().withExamples(TRIES)
                .forAll(lists().of(EVENTS).ofSizeBetween(1, 15), EVENTS)
                .checkAssert((events, late) -> {
                    CardState state = CardEvents.fold(events);
                    if (!late.occurredAt().isBefore(state.current().occurredAt())) {
                        return;
                    }
                    CardState after = state.apply(late);

                    assertThat(after.current()).isEqualTo(state.current());
                    assertThat(after.events()).extracting(FoldedEvent::eventId).contains(late.eventId());
                });
    }

    @Test
    void agreesWithASimpleModelOfTheSpec() {
        qt().withExamples(TRIES).forAll(EVENT_SETS).checkAssert(events -> {
            Map<String, CardEvent> distinct = new LinkedHashMap<>();
            events.forEach(event -> distinct.putIfAbsent(event.eventId(), event));
            Comparator<CardEvent> order = Comparator.comparing(CardEvent::occurredAt)
                    .thenComparingInt(event -> event.type().rank())
                    .thenComparing(CardEvent::eventId);
            CardEvent last = distinct.values().stream().max(order).orElseThrow();
            String phone = distinct.values().stream()
                    .filter(event -> event.phone() != null)
                    .max(order)
                    .map(CardEvent::phone)
                    .orElse(null);
            long exceptions = distinct.values().stream()
                    .filter(e -> e.type() == EventType.DELIVERY_EXCEPTION)
                    .count();

            CardState state = CardEvents.fold(events);

            assertThat(state.current().eventId()).isEqualTo(last.eventId());
            assertThat(state.deliveryExceptions()).isEqualTo(exceptions);
            assertThat(state.events()).hasSize(distinct.size());
            if (distinct.values().stream().allMatch(e -> sameDetailsForId(events, e))) {
                assertThat(state.phone()).isEqualTo(phone);
            }
        });
    }

    @Test
    void everyEventOfAnExceptionOrReturnHasAReasonAndOnlyCodesOrCommentsNoRuleKnowsAreUnmapped() {
        qt().withExamples(TRIES).forAll(EVENT_SETS).checkAssert(events -> {
            CardState state = CardEvents.fold(events);

            for (FoldedEvent event : state.events()) {
                MappedReason mapped = MAPPING.map(event);
                assertThat(mapped.reason() != null).isEqualTo(Reason.explains(event.type()));
                assertThat(mapped.reason() == null || mapped.reason().appliesTo(event.type()))
                        .isTrue();
                assertThat(mapped.unmapped())
                        .isEqualTo(mapped.reason() == Reason.OTHER
                                && event.reason() == null
                                && mapped.rawReason() != null);
            }
        });
    }

    @Test
    void everyStateSurvivesItsCodec() {
        qt().withExamples(TRIES).forAll(EVENT_SETS).checkAssert(events -> {
            CardState state = CardEvents.fold(events);

            assertThat(CardStateCodec.decode(CardStateCodec.encode(state))).isEqualTo(state);
        });
    }

    @Test
    void anotherPartnersEventsAreQuarantinedNeverFolded() {
        qt().withExamples(TRIES)
                .forAll(
                        lists().of(EVENTS).ofSizeBetween(1, 15),
                        lists().of(events(SOURCES[1])).ofSizeBetween(1, 5),
                        longs().all())
                .checkAssert((ownersOnly, others, seed) -> {
                    List<CardEvent> mixed = new ArrayList<>(others);
                    mixed.addAll(ownersOnly.subList(1, ownersOnly.size()));
                    Collections.shuffle(mixed, new Random(seed));
                    mixed.add(0, ownersOnly.get(0));

                    CardState state = CardEvents.fold(mixed);

                    assertThat(state.owner()).isEqualTo("default");
                    assertSameCard(state, CardEvents.fold(ownersOnly));
                    assertThat(state.quarantined())
                            .extracting(FoldedEvent::eventId)
                            .containsExactlyInAnyOrderElementsOf(others.stream()
                                    .map(CardEvent::eventId)
                                    .distinct()
                                    .toList());
                });
    }

    /**
     * With a bound of 8 kept events, in any order: the status, phone, exception and attempt counts are those of the
     * unbounded fold of the events the card did not answer as older than its kept window (contract §11.2).
     */
    @Test
    void anyOrderWithABoundKeepsTheCountsOfEveryEventItFolded() {
        qt().withExamples(TRIES)
                .forAll(lists().of(EVENTS).ofSizeBetween(1, 60), longs().all())
                .checkAssert((events, seed) -> {
                    List<CardEvent> shuffled = new ArrayList<>(events);
                    Collections.shuffle(shuffled, new Random(seed));
                    CardState bounded = CardState.empty(CardEvents.CARD);
                    List<CardEvent> folded = new ArrayList<>();
                    for (CardEvent event : shuffled) {
                        if (!bounded.olderThanKept(event)) {
                            folded.add(event);
                        } else {
                            assertThat(bounded.apply(event, 8)).isSameAs(bounded);
                        }
                        bounded = bounded.apply(event, 8);
                    }

                    assertThat(bounded.events()).hasSizeLessThanOrEqualTo(8);
                    assertSameCounts(bounded, unbounded(folded));
                });
    }

    /**
     * 2,500 events (the real bound, 1,000) arriving in order but shuffled within runs of 100: none is older than the
     * kept window, so the card answers as if it had no bound; and once compacted, a re-sent compacted event is absorbed.
     */
    @Test
    void farMoreEventsThanTheBoundGiveTheSameCountsAsWithoutIt() {
        qt().withExamples(5).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CardEvent> events = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                events.add(CardEvent.of(
                        EventType.values()[random.nextInt(4)],
                        CardEvents.CARD,
                        PHONES[random.nextInt(PHONES.length)],
                        BASE.plusSeconds(60L * i),
                        null,
                        "L" + i,
                        SOURCES[0]));
            }
            List<CardEvent> arriving = new ArrayList<>();
            for (int run = 0; run < events.size(); run += 100) {
                List<CardEvent> block = new ArrayList<>(events.subList(run, run + 100));
                Collections.shuffle(block, random);
                arriving.addAll(block);
            }

            CardState bounded = CardEvents.fold(arriving);

            assertThat(bounded.events()).hasSize(CardLimits.MAX_EVENTS);
            assertThat(bounded.compacted().events()).isEqualTo(1_500);
            assertSameCounts(bounded, unbounded(events));
            CardEvent compacted = events.get(random.nextInt(1_500));
            assertThat(bounded.olderThanKept(compacted)).isTrue();
            assertThat(bounded.apply(compacted)).isSameAs(bounded);
        });
    }

    private static CardState unbounded(List<CardEvent> events) {
        CardState state = CardState.empty(CardEvents.CARD);
        for (CardEvent event : events) {
            state = state.apply(event, Integer.MAX_VALUE);
        }
        return state;
    }

    private static void assertSameCounts(CardState actual, CardState expected) {
        assertThat(actual.current()).isEqualTo(expected.current());
        assertThat(actual.phone()).isEqualTo(expected.phone());
        assertThat(actual.deliveryExceptions()).isEqualTo(expected.deliveryExceptions());
        assertThat(actual.attempts()).isEqualTo(expected.attempts());
        assertThat(actual.partner()).isEqualTo(expected.partner());
        assertThat(actual.stallsAt(StallRules.DEFAULTS)).isEqualTo(expected.stallsAt(StallRules.DEFAULTS));
    }

    private static boolean sameDetailsForId(List<CardEvent> events, CardEvent first) {
        return events.stream()
                .filter(e -> e.eventId().equals(first.eventId()))
                .allMatch(e -> Objects.equals(e.phone(), first.phone()));
    }

    private static void assertSameCard(CardState actual, CardState expected) {
        assertThat(actual.events()).isEqualTo(expected.events());
        assertThat(actual.toStatus(MAPPING, AS_OF))
                .usingRecursiveComparison()
                .ignoringFields("version")
                .isEqualTo(expected.toStatus(MAPPING, AS_OF));
        assertThat(actual.phone()).isEqualTo(expected.phone());
        assertThat(actual.deliveryExceptions()).isEqualTo(expected.deliveryExceptions());
    }
}
