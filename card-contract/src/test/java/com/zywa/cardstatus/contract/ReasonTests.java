package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The taxonomy of contract §10: which events a reason explains, who acts and what is to be done. */
class ReasonTests {

    @Test
    void everyReasonExplainsAnExceptionOrAReturnAndNothingElse() {
        for (Reason reason : Reason.values()) {
            assertThat(reason.appliesTo(EventType.DELIVERY_EXCEPTION) || reason.appliesTo(EventType.RETURNED))
                    .as(reason.name())
                    .isTrue();
            assertThat(reason.appliesTo(EventType.PICKED_UP) || reason.appliesTo(EventType.DELIVERED))
                    .as(reason.name())
                    .isFalse();
        }
        assertThat(Arrays.stream(EventType.values()).filter(Reason::explains))
                .containsExactly(EventType.DELIVERY_EXCEPTION, EventType.RETURNED);
    }

    @Test
    void givesEachReasonItsPartyAndAction() {
        assertThat(Reason.RECIPIENT_UNAVAILABLE.responsible()).isEqualTo(Responsible.RECIPIENT);
        assertThat(Reason.RECIPIENT_UNAVAILABLE.action(EventType.DELIVERY_EXCEPTION))
                .isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(Reason.ADDRESS_INCOMPLETE.action(EventType.DELIVERY_EXCEPTION))
                .isEqualTo(ActionRequired.FIX_ADDRESS);
        assertThat(Reason.LOST.responsible()).isEqualTo(Responsible.COURIER);
        assertThat(Reason.LOST.action(EventType.DELIVERY_EXCEPTION)).isEqualTo(ActionRequired.REISSUE_CARD);
        assertThat(Reason.RETURN_REQUESTED.action(EventType.RETURNED)).isEqualTo(ActionRequired.NONE);
    }

    @Test
    void otherWaitsForTheCourierOnAnExceptionAndCallsTheCardholderOnAReturn() {
        assertThat(Reason.OTHER.responsible()).isEqualTo(Responsible.UNKNOWN);
        assertThat(Reason.OTHER.action(EventType.DELIVERY_EXCEPTION)).isEqualTo(ActionRequired.WAIT_FOR_COURIER);
        assertThat(Reason.OTHER.action(EventType.RETURNED)).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(Reason.actionFor(EventType.DELIVERED, null)).isEqualTo(ActionRequired.NONE);
    }

    @Test
    void aCodeStatesAReasonOnlyByNamingOneThatAppliesToItsEvent() {
        assertThat(Reason.stated(EventType.DELIVERY_EXCEPTION, " recipient_refused "))
                .isEqualTo(Reason.RECIPIENT_REFUSED);
        assertThat(Reason.stated(EventType.RETURNED, "RECIPIENT_REFUSED")).isNull();
        assertThat(Reason.stated(EventType.RETURNED, "REFUSED")).isEqualTo(Reason.REFUSED);
        assertThat(Reason.stated(EventType.DELIVERED, "OTHER")).isNull();
        assertThat(Reason.stated(EventType.DELIVERY_EXCEPTION, "NA01")).isNull();
        assertThat(Reason.stated(EventType.DELIVERY_EXCEPTION, null)).isNull();
    }

    @Test
    void anEventWithAReasonCodeRoundTripsAndStatesTheReasonItNames() {
        CardEvent event = CardEvent.of(
                EventType.DELIVERY_EXCEPTION,
                "ZYW8890",
                null,
                Instant.parse("2023-11-13T10:00:00Z"),
                "could not verify ID",
                "ID_VERIFICATION_FAILED",
                "A982",
                EventSource.kafka("default", "kafka:partner.events", "partner.events", 2, 41L));
        JsonSerde<CardEvent> serde = JsonSerde.cardEvents();

        CardEvent read =
                serde.deserializer().deserialize("t", serde.serializer().serialize("t", event));

        assertThat(read).isEqualTo(event);
        assertThat(read.reason()).isEqualTo(Reason.ID_VERIFICATION_FAILED);
        assertThat(read.source().offset()).isEqualTo(41L);
    }

    @Test
    void readsAReasonOfALaterTaxonomyAsOther() {
        String json = "{\"event_id\":\"e1\",\"type\":\"DELIVERY_EXCEPTION\",\"card_id\":\"ZYW1\","
                + "\"occurred_at\":\"2023-11-13T09:34:56Z\",\"reason\":\"CUSTOMS_HOLD\"}";

        CardEvent event = JsonSerde.cardEvents().deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));

        assertThat(event.reason()).isEqualTo(Reason.OTHER);
    }
}
