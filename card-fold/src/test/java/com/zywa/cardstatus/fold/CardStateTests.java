package com.zywa.cardstatus.fold;

import static com.zywa.cardstatus.fold.CardEvents.event;
import static com.zywa.cardstatus.fold.CardEvents.fold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Responsible;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardStateTests {

    private static final String PHONE = "+971534534534";

    @Test
    void theLatestEventIsTheStatus() {
        CardState state = fold(List.of(
                event(EventType.PICKED_UP, "2023-11-11T23:45:00Z", PHONE),
                event(EventType.DELIVERY_EXCEPTION, "2023-11-13T10:00:00Z", PHONE),
                event(EventType.RETURNED, "2023-11-14T08:00:00Z", null)));

        assertThat(state.current().type()).isEqualTo(EventType.RETURNED);
        assertThat(state.deliveryExceptions()).isEqualTo(1);
        assertThat(state.phone()).isEqualTo(PHONE);
    }

    @Test
    void aLateOlderEventOnlyEntersTheHistory() {
        CardState delivered = fold(List.of(event(EventType.DELIVERED, "2023-11-14T08:00:00Z", PHONE)));

        CardState late = delivered.apply(event(EventType.DELIVERY_EXCEPTION, "2023-11-13T10:00:00Z", PHONE));

        assertThat(late.current().type()).isEqualTo(EventType.DELIVERED);
        assertThat(late.events())
                .extracting(FoldedEvent::type)
                .containsExactly(EventType.DELIVERY_EXCEPTION, EventType.DELIVERED);
        assertThat(late.deliveryExceptions()).isEqualTo(1);
    }

    @Test
    void tiesAtTheSameInstantAreBrokenByLifecycleRank() {
        String at = "2023-11-14T08:00:00Z";

        CardState state = fold(List.of(
                event(EventType.DELIVERED, at, null),
                event(EventType.PICKED_UP, at, null),
                event(EventType.DELIVERY_EXCEPTION, at, null)));

        assertThat(state.events())
                .extracting(FoldedEvent::type)
                .containsExactly(EventType.PICKED_UP, EventType.DELIVERY_EXCEPTION, EventType.DELIVERED);
    }

    @Test
    void deliveredAndReturnedAtTheSameInstantAreOrderedByEventId() {
        String at = "2023-11-14T08:00:00Z";
        CardEvent delivered = event(EventType.DELIVERED, at, null);
        CardEvent returned = event(EventType.RETURNED, at, null);
        EventType last =
                delivered.eventId().compareTo(returned.eventId()) > 0 ? EventType.DELIVERED : EventType.RETURNED;

        assertThat(fold(List.of(delivered, returned)).current().type()).isEqualTo(last);
        assertThat(fold(List.of(returned, delivered)).current().type()).isEqualTo(last);
    }

    @Test
    void aDuplicateChangesNothingNotEvenTheVersion() {
        CardEvent pickup = event(EventType.PICKED_UP, "2023-11-11T23:45:00Z", PHONE);
        CardState once = fold(List.of(pickup));

        assertThat(once.apply(pickup)).isSameAs(once);
        assertThat(once.version()).isEqualTo(1);
    }

    @Test
    void aMangledPhoneNeverErasesAGoodOne() {
        CardState state = fold(List.of(
                event(EventType.PICKED_UP, "2023-11-11T23:45:00Z", PHONE),
                event(EventType.RETURNED, "2023-11-14T08:00:00Z", null)));

        assertThat(state.phone()).isEqualTo(PHONE);
    }

    @Test
    void thePhoneIsTheOneOfTheMostRecentEventThatHasOne() {
        CardState state = fold(List.of(
                event(EventType.DELIVERY_EXCEPTION, "2023-11-13T10:00:00Z", "+971585949014"),
                event(EventType.PICKED_UP, "2023-11-11T23:45:00Z", PHONE)));

        assertThat(state.phone()).isEqualTo("+971585949014");
    }

    @Test
    void countsDistinctExceptionsOnly() {
        CardEvent first = event(EventType.DELIVERY_EXCEPTION, "2023-11-13T10:00:00Z", PHONE, "A1");
        CardEvent second = event(EventType.DELIVERY_EXCEPTION, "2023-11-13T12:00:00Z", PHONE, "A2");

        assertThat(fold(List.of(first, second, first, second)).deliveryExceptions())
                .isEqualTo(2);
    }

    @Test
    void twoCopiesOfAnEventWithDifferentDetailsMergeTheSameWhateverTheirOrder() {
        Instant at = Instant.parse("2023-11-13T10:00:00Z");
        EventSource source = EventSource.api("default", "test");
        CardEvent withPhone = CardEvent.of(EventType.PICKED_UP, CardEvents.CARD, PHONE, at, null, "A1", source);
        CardEvent withComment = CardEvent.of(EventType.PICKED_UP, CardEvents.CARD, null, at, "note", "A1", source);

        CardState one = fold(List.of(withPhone, withComment));
        CardState other = fold(List.of(withComment, withPhone));

        assertThat(one).isEqualTo(other);
        assertThat(one.current().phone()).isEqualTo(PHONE);
        assertThat(one.current().comment()).isEqualTo("note");
    }

    @Test
    void statusViewCarriesHistoryInFoldOrder() {
        CardStatus status = fold(List.of(
                        event(EventType.RETURNED, "2023-11-14T08:00:00Z", null),
                        event(EventType.PICKED_UP, "2023-11-11T23:45:00Z", PHONE)))
                .toStatus(ReasonMapping.none(), Instant.EPOCH);

        assertThat(status.status()).isEqualTo(EventType.RETURNED);
        assertThat(status.statusAt()).isEqualTo(Instant.parse("2023-11-14T08:00:00Z"));
        assertThat(status.phone()).isEqualTo(PHONE);
        assertThat(status.comment()).isEqualTo("returned");
        assertThat(status.version()).isEqualTo(2);
        assertThat(status.history())
                .extracting(CardStatus.HistoryEntry::status)
                .containsExactly(EventType.PICKED_UP, EventType.RETURNED);
    }

    @Test
    void statusGivesEachEventItsReasonActionAndSourceAndTheCardItsAttemptsAndPartner() {
        EventSource upload = EventSource.upload("default", "u-1", "exceptions.csv", 2, "ops");
        CardState state = fold(List.of(
                CardEvent.of(
                        EventType.PICKED_UP,
                        CardEvents.CARD,
                        PHONE,
                        Instant.parse("2023-11-11T23:45:00Z"),
                        null,
                        "465",
                        EventSource.upload("default", "u-0", "pickup.csv", 3, "ops")),
                CardEvent.of(
                        EventType.DELIVERY_EXCEPTION,
                        CardEvents.CARD,
                        PHONE,
                        Instant.parse("2023-11-13T10:00:00Z"),
                        "User not available",
                        "A982",
                        upload),
                CardEvent.of(
                        EventType.RETURNED,
                        CardEvents.CARD,
                        null,
                        Instant.parse("2023-11-14T08:00:00Z"),
                        null,
                        "A982",
                        EventSource.upload("default", "u-2", "returned.csv", 2, "ops"))));

        CardStatus status = state.toStatus(ReasonMappingFile.shippedDefault(), Instant.parse("2023-11-15T00:00:00Z"));

        CardStatus.HistoryEntry exception = status.history().get(1);
        assertThat(exception.reason()).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(exception.actionRequired()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(exception.responsible()).isEqualTo(Responsible.RECIPIENT);
        assertThat(exception.rawReason()).isNull();
        assertThat(exception.source()).isEqualTo(upload);
        assertThat(exception.partnerEventId()).isEqualTo("A982");
        assertThat(status.history().get(0).reason()).isNull();
        assertThat(status.history().get(0).actionRequired()).isEqualTo(ActionRequired.NONE);
        assertThat(status.reason()).as("a return without a code or comment").isEqualTo(Reason.OTHER);
        assertThat(status.rawReason()).isNull();
        assertThat(status.actionRequired()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(status.attempts()).isEqualTo(1);
        assertThat(status.partner()).isEqualTo("default");
        assertThat(status.asOf()).isEqualTo(Instant.parse("2023-11-15T00:00:00Z"));
    }

    @Test
    void countsTheDeliveryAsAnAttempt() {
        CardState state = fold(List.of(
                event(EventType.DELIVERY_EXCEPTION, "2023-11-13T10:00:00Z", PHONE, "A1"),
                event(EventType.DELIVERY_EXCEPTION, "2023-11-13T12:00:00Z", PHONE, "A2"),
                event(EventType.DELIVERED, "2023-11-14T12:00:00Z", PHONE, "A3")));

        assertThat(state.attempts()).isEqualTo(3);
        assertThat(state.toStatus(ReasonMapping.none(), Instant.EPOCH).actionRequired())
                .isEqualTo(ActionRequired.NONE);
    }

    @Test
    void aCopyOfAnEventUploadedAgainKeepsTheSourceThatFirstBroughtIt() {
        Instant at = Instant.parse("2023-11-13T10:00:00Z");
        EventSource first = EventSource.upload("default", "u-1", "exceptions.csv", 2, "ops");
        EventSource again = EventSource.upload("default", "u-0", "exceptions.csv", 2, "ops");
        CardState once =
                fold(List.of(CardEvent.of(EventType.DELIVERY_EXCEPTION, CardEvents.CARD, PHONE, at, "x", "A1", first)));

        CardState twice =
                once.apply(CardEvent.of(EventType.DELIVERY_EXCEPTION, CardEvents.CARD, PHONE, at, "x", "A1", again));

        assertThat(twice).isSameAs(once);
        assertThat(twice.current().source()).isEqualTo(first);
    }

    @Test
    void refusesAnEventOfAnotherCard() {
        CardEvent other = CardEvent.of(
                EventType.PICKED_UP, "OTHER", null, Instant.EPOCH, null, null, EventSource.api("default", "test"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CardState.empty("ZYW1").apply(other))
                .withMessage("event for card OTHER folded into card ZYW1");
    }
}
