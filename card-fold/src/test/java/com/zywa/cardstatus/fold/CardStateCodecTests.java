package com.zywa.cardstatus.fold;

import static com.zywa.cardstatus.fold.CardEvents.event;
import static com.zywa.cardstatus.fold.CardEvents.fold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardStateCodecTests {

    @Test
    void roundTripsAState() {
        CardState state = tenEventCard();

        assertThat(CardStateCodec.decode(CardStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void roundTripsAStall() {
        CardState state = tenEventCard().stalled(Instant.parse("2023-11-20T10:00:00.000000500Z"));

        assertThat(CardStateCodec.decode(CardStateCodec.encode(state))).isEqualTo(state);
    }

    /**
     * Format 2 (status v2's changelogs) is format 3 without the stall after the events: it still decodes, not stalled.
     */
    @Test
    void decodesFormatTwoAsStoredChangelogsHoldIt() {
        CardState state = tenEventCard();
        byte[] three = formatThree(state);
        byte[] two = java.util.Arrays.copyOf(three, three.length - 1);
        two[0] = 2;

        assertThat(three[three.length - 1]).as("no stall").isZero();
        assertThat(CardStateCodec.decode(two)).isEqualTo(state);
    }

    /** Format 3 (before owners) decodes owned by the partner of its first kept event, stall included. */
    @Test
    void decodesFormatThreeOwnedByThePartnerOfItsFirstEvent() {
        CardState state = tenEventCard().stalled(Instant.parse("2023-11-20T10:00:00Z"));

        CardState decoded = CardStateCodec.decode(formatThree(state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.owner()).isEqualTo("default");
        assertThat(decoded.compacted()).isNull();
        assertThat(decoded.quarantined()).isEmpty();
    }

    @Test
    void roundTripsAnOwnerCompactedCountsAndQuarantinedEvents() {
        CardState state = CardState.empty(CardEvents.CARD);
        for (int i = 0; i < 30; i++) {
            state = state.apply(
                    CardEvents.event(
                            i % 3 == 0 ? EventType.DELIVERY_EXCEPTION : EventType.PICKED_UP,
                            Instant.parse("2023-11-13T10:00:00Z")
                                    .plusSeconds(60L * i)
                                    .toString(),
                            i % 5 == 0 ? "+97158594901" + (i % 10) : null),
                    10);
        }
        state = state.apply(CardEvent.of(
                        EventType.DELIVERED,
                        CardEvents.CARD,
                        "+971534534534",
                        Instant.parse("2023-11-14T10:00:00Z"),
                        "not ours",
                        "Q1",
                        EventSource.api("swift", "partner-swift")))
                .assign("default");

        CardState decoded = CardStateCodec.decode(CardStateCodec.encode(state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.compacted()).isNotNull();
        assertThat(decoded.compacted().events()).isEqualTo(20);
        assertThat(decoded.quarantined()).hasSize(1);
        assertThat(decoded.owner()).isEqualTo("default");
    }

    /**
     * The bytes format 3 wrote for a state without compaction or quarantine: format 4 without the owner after the
     * version and without the absent compaction and the empty quarantine at the end.
     */
    private static byte[] formatThree(CardState state) {
        byte[] four = CardStateCodec.encode(state);
        int ownerAt = 1 + 2 + state.cardId().length() + 8;
        int ownerBytes = four[ownerAt] == 0 ? 1 : 1 + 2 + state.owner().length();
        java.io.ByteArrayOutputStream three = new java.io.ByteArrayOutputStream();
        three.write(3);
        three.write(four, 1, ownerAt - 1);
        three.write(four, ownerAt + ownerBytes, four.length - 3 - ownerAt - ownerBytes);
        return three.toByteArray();
    }

    @Test
    void tenEventsSerialiseUnderTwoKilobytes() {
        byte[] bytes = CardStateCodec.encode(tenEventCard());

        assertThat(bytes.length).isLessThan(2048);
    }

    @Test
    void roundTripsAbsentPhonesCommentsAndNanos() {
        CardState state = fold(List.of(CardEvent.of(
                EventType.RETURNED,
                CardEvents.CARD,
                null,
                Instant.parse("2023-11-14T08:00:00.123456789Z"),
                null,
                null,
                EventSource.api("default", "t"))));

        assertThat(CardStateCodec.decode(CardStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void roundTripsTextBeyondAscii() {
        CardState state = withComments("المستخدم غير متاح", "livré \uD83D\uDCE6", "nul\u0000byte", "");

        assertThat(CardStateCodec.decode(CardStateCodec.encode(state))).isEqualTo(state);
    }

    /**
     * The layout of format 1 as first written with DataOutputStream, which stored changelogs hold: it still decodes,
     * each event without a code, a stated reason or a source.
     */
    @Test
    void decodesFormatOneAsStoredChangelogsHoldIt() throws IOException {
        CardState state = withComments("المستخدم غير متاح", "User not available", null, "nul\u0000byte");

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(expected)) {
            out.writeByte(1);
            out.writeUTF(state.cardId());
            out.writeLong(state.version());
            out.writeShort(state.events().size());
            for (FoldedEvent event : state.events()) {
                UUID id = UUID.fromString(event.eventId());
                out.writeLong(id.getMostSignificantBits());
                out.writeLong(id.getLeastSignificantBits());
                out.writeByte(event.type().ordinal());
                out.writeLong(event.occurredAt().getEpochSecond());
                out.writeInt(event.occurredAt().getNano());
                for (String text : new String[] {event.phone(), event.comment(), event.partnerEventId()}) {
                    out.writeBoolean(text != null);
                    if (text != null) {
                        out.writeUTF(text);
                    }
                }
            }
        }

        CardState withoutSources = new CardState(
                state.cardId(),
                state.version(),
                state.events().stream()
                        .map(event -> new FoldedEvent(
                                event.eventId(),
                                event.type(),
                                event.occurredAt(),
                                event.phone(),
                                event.comment(),
                                event.partnerEventId(),
                                null,
                                null,
                                null))
                        .toList());
        assertThat(CardStateCodec.decode(expected.toByteArray())).isEqualTo(withoutSources);
        assertThat(CardStateCodec.encode(state)[0]).as("format written").isEqualTo((byte) 4);
    }

    @Test
    void roundTripsCodesStatedReasonsAndEverySourceShape() {
        Instant at = Instant.parse("2023-11-13T10:00:00Z");
        CardState state = fold(List.of(
                CardEvent.of(
                        EventType.PICKED_UP,
                        CardEvents.CARD,
                        null,
                        at.minusSeconds(60),
                        null,
                        "332",
                        EventSource.upload("swift", UUID.randomUUID().toString(), "Pickup.csv", 3, "ops")),
                CardEvent.of(
                        EventType.DELIVERY_EXCEPTION,
                        CardEvents.CARD,
                        null,
                        at,
                        "could not verify ID",
                        "ID_VERIFICATION_FAILED",
                        "A1",
                        EventSource.kafka("swift", "kafka:partner.events", "partner.events", 2, 9_000_000_000L)),
                CardEvent.of(
                        EventType.RETURNED,
                        CardEvents.CARD,
                        null,
                        at.plusSeconds(60),
                        null,
                        "RT-7",
                        "A2",
                        EventSource.api("swift", "partner-swift")),
                CardEvent.of(EventType.DELIVERED, CardEvents.CARD, null, at.plusSeconds(90), null, "A3", null)));

        CardState decoded = CardStateCodec.decode(CardStateCodec.encode(state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.events().get(1).reason()).isEqualTo(Reason.ID_VERIFICATION_FAILED);
        assertThat(decoded.events().get(1).source().offset()).isEqualTo(9_000_000_000L);
        assertThat(decoded.events().get(3).source()).isNull();
    }

    @Test
    void refusesAnUnknownFormat() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CardStateCodec.decode(new byte[] {9}))
                .withMessage("unknown card state format 9");
    }

    @Test
    void refusesTruncatedData() {
        byte[] bytes = CardStateCodec.encode(tenEventCard());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CardStateCodec.decode(java.util.Arrays.copyOf(bytes, 40)))
                .withMessage("truncated card state (40 bytes)");
    }

    @Test
    void roundTripsTheLongestTextTheFormatHolds() {
        CardState state = withComments("x".repeat(65_535));

        assertThat(CardStateCodec.decode(CardStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void refusesToEncodeAnAsciiTextOverSixtyFiveThousandFiveHundredThirtyFiveBytes() {
        CardState state = withComments("x".repeat(65_536));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CardStateCodec.encode(state))
                .withMessageContaining("cannot be encoded")
                .withMessageContaining("65535");
    }

    @Test
    void refusesToEncodeAShortTextWhoseUtf8IsTooLong() {
        CardState state = withComments("\u0645".repeat(33_000));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CardStateCodec.encode(state))
                .withMessageContaining("cannot be encoded");
    }

    @Test
    void refusesToEncodeMoreEventsThanTheFormatCounts() {
        List<FoldedEvent> events = new ArrayList<>();
        for (int i = 0; i < 65_536; i++) {
            events.add(new FoldedEvent(
                    new UUID(0, i).toString(),
                    EventType.DELIVERY_EXCEPTION,
                    Instant.EPOCH.plusSeconds(i),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        CardState state = new CardState(CardEvents.CARD, 65_536, events);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CardStateCodec.encode(state))
                .withMessageContaining("65536 events cannot be encoded");
    }

    private static CardState withComments(String... comments) {
        List<CardEvent> events = new ArrayList<>();
        for (int i = 0; i < comments.length; i++) {
            events.add(CardEvent.of(
                    EventType.DELIVERY_EXCEPTION,
                    CardEvents.CARD,
                    i % 2 == 0 ? "+971534534534" : null,
                    Instant.parse("2023-11-12T10:00:00Z").plusSeconds(3600L * i),
                    comments[i],
                    "A" + i,
                    EventSource.api("default", "t")));
        }
        return fold(events);
    }

    private static CardState tenEventCard() {
        List<CardEvent> events = new ArrayList<>();
        events.add(event(EventType.PICKED_UP, "2023-11-11T23:45:00Z", "+971534534534", "465"));
        for (int i = 0; i < 8; i++) {
            events.add(CardEvent.of(
                    EventType.DELIVERY_EXCEPTION,
                    CardEvents.CARD,
                    "+971534534534",
                    Instant.parse("2023-11-12T10:00:00Z").plusSeconds(3600L * i),
                    "User declined to accept package",
                    "A98" + i,
                    EventSource.api("default", "t")));
        }
        events.add(event(EventType.RETURNED, "2023-11-14T08:00:00Z", null, "A982"));
        return fold(events);
    }
}
