package com.zywa.cardstatus.fold;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a partner's codes and comments become reasons (contract §10), in the order the rules are asked. */
class ReasonMappingTests {

    private static final ReasonMapping MAPPING = ReasonMappingFile.parse("""
            partners:
              swift:
                codes:
                  NH: RECIPIENT_UNAVAILABLE
                  ' rf ': [RECIPIENT_REFUSED, REFUSED]
                  DMG: DAMAGED
                comments:
                  - {pattern: 'not at home', reason: RECIPIENT_UNAVAILABLE}
                  - {pattern: 'refused', reason: REFUSED}
            """);

    @ParameterizedTest(name = "{0} {1} / {2} -> {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "DELIVERY_EXCEPTION, NH,  -,              RECIPIENT_UNAVAILABLE",
                "DELIVERY_EXCEPTION, nh,  -,              RECIPIENT_UNAVAILABLE",
                "DELIVERY_EXCEPTION, RF,  -,              RECIPIENT_REFUSED",
                "RETURNED,           RF,  -,              REFUSED",
                "DELIVERY_EXCEPTION, -,   Not At Home!,   RECIPIENT_UNAVAILABLE",
                "DELIVERY_EXCEPTION, ZZ,  not at home,    RECIPIENT_UNAVAILABLE",
                "RETURNED,           -,   he refused it,  REFUSED",
                "DELIVERY_EXCEPTION, -,   he refused it,  OTHER",
                "RETURNED,           DMG, -,              OTHER",
                "DELIVERY_EXCEPTION, LOST, -,             LOST",
            })
    void mapsACodeThenACommentToTheFirstReasonThatAppliesToTheEvent(
            EventType type, String code, String comment, Reason expected) {
        assertThat(MAPPING.map(event(type, "swift", code, comment)).reason()).isEqualTo(expected);
    }

    @Test
    void anUnknownCodeIsOtherWithTheCodeKeptAndUnmapped() {
        MappedReason mapped = MAPPING.map(event(EventType.DELIVERY_EXCEPTION, "swift", "X9", "call me"));

        assertThat(mapped.reason()).isEqualTo(Reason.OTHER);
        assertThat(mapped.rawReason()).isEqualTo("X9");
        assertThat(mapped.unmapped()).isTrue();
        assertThat(mapped.action()).isEqualTo(ActionRequired.WAIT_FOR_COURIER);
    }

    @Test
    void anUnknownCommentWithoutACodeIsKeptAsTheRawReason() {
        MappedReason mapped = MAPPING.map(event(EventType.RETURNED, "swift", null, "sent back"));

        assertThat(mapped.reason()).isEqualTo(Reason.OTHER);
        assertThat(mapped.rawReason()).isEqualTo("sent back");
        assertThat(mapped.unmapped()).isTrue();
        assertThat(mapped.action()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
    }

    @Test
    void anExceptionWithNeitherCodeNorCommentIsOtherButNotUnmapped() {
        MappedReason mapped = MAPPING.map(event(EventType.DELIVERY_EXCEPTION, "swift", null, " "));

        assertThat(mapped.reason()).isEqualTo(Reason.OTHER);
        assertThat(mapped.rawReason()).isNull();
        assertThat(mapped.unmapped()).isFalse();
    }

    @Test
    void aPartnerWithoutAMappingMapsNothing() {
        MappedReason mapped = MAPPING.map(event(EventType.DELIVERY_EXCEPTION, "default", "NH", "not at home"));

        assertThat(mapped.reason()).isEqualTo(Reason.OTHER);
        assertThat(mapped.rawReason()).isEqualTo("NH");
        assertThat(mapped.unmapped()).isTrue();
    }

    @Test
    void pickUpsAndDeliveriesHaveNoReasonAndNeedNothing() {
        MappedReason mapped = MAPPING.map(event(EventType.DELIVERED, "swift", "NH", "not at home"));

        assertThat(mapped.reason()).isNull();
        assertThat(mapped.responsible()).isNull();
        assertThat(mapped.action()).isEqualTo(ActionRequired.NONE);
        assertThat(mapped.unmapped()).isFalse();
    }

    @Test
    void theShippedDefaultMapsTheSampleFilesComments() {
        ReasonMapping shipped = ReasonMappingFile.shippedDefault();

        assertThat(shipped.map(event(EventType.DELIVERY_EXCEPTION, "default", null, "User not available"))
                        .reason())
                .isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(shipped.map(event(EventType.DELIVERY_EXCEPTION, "default", null, "User declined to accept package"))
                        .reason())
                .isEqualTo(Reason.RECIPIENT_REFUSED);
        assertThat(shipped.map(event(EventType.RETURNED, "default", null, "Customer refused the card"))
                        .reason())
                .isEqualTo(Reason.REFUSED);
    }

    private static FoldedEvent event(EventType type, String partner, String code, String comment) {
        return FoldedEvent.of(CardEvent.of(
                type,
                CardEvents.CARD,
                null,
                Instant.parse("2023-11-13T10:00:00Z"),
                comment,
                code,
                "A1",
                EventSource.api(partner, "test")));
    }
}
