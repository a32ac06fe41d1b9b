package com.zywa.cardstatus.formats.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.formats.RowMapper;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.TimestampParser;
import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Partner events, in our JSON form or as CloudEvents, become events or rejections by the rules of a CSV row, without
 * a service around them: a refusal found while reading stays a refusal, numbered by the event's index.
 */
class CandidateTests {

    private static final EventSource SOURCE = EventSource.api("default", "test");

    private final RowMapper mapper = new RowMapper(
            new PhoneNormalizer("AE"),
            new TimestampParser(ZoneId.of("Asia/Dubai"), DateOrder.DAY_FIRST),
            Duration.ofDays(1),
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aPartnerEventIsValidatedLikeACsvRow() {
        RowOutcome outcome = Candidate.of(new PartnerEvent(
                        "delivered",
                        "ZYW8827",
                        "0585949014",
                        "13-11-2023 13:34:56",
                        "left with the guard",
                        null,
                        "A883"))
                .outcome(mapper, 0, SOURCE);

        assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
        CardEvent event = ((RowOutcome.Accepted) outcome).event();
        assertThat(event.type()).isEqualTo(EventType.DELIVERED);
        assertThat(event.phone()).isEqualTo("+971585949014");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2023-11-13T09:34:56Z"));
    }

    @Test
    void rejectsAJsonNullAndAnUnknownTypeNamingTheEventsIndex() {
        assertThat(Candidate.of(null).outcome(mapper, 2, SOURCE))
                .isEqualTo(new RowOutcome.Rejected(2, "event 2: is null, expected an object", "null"));
        assertThat(Candidate.of(new PartnerEvent("LOST", "ZYW1", null, "2023-11-13T09:34:56Z", null, null, null))
                        .outcome(mapper, 3, SOURCE))
                .extracting(RowOutcome.Rejected.class::cast)
                .extracting(RowOutcome.Rejected::reason)
                .isEqualTo("event 3: type 'LOST' is not one of PICKED_UP, DELIVERY_EXCEPTION, DELIVERED, RETURNED");
    }

    @Test
    void aCloudEventBecomesThePartnerEventItCarries() {
        CloudEventMapping.Read read = readStructured("com.zywa.card.picked-up", "{\"phone\":\"0585949014\"}");

        assertThat(read.candidate().refusal()).isNull();
        assertThat(read.candidate().event())
                .isEqualTo(new PartnerEvent(
                        "PICKED_UP", "ZYW2", "0585949014", "2023-11-13T09:34:56Z", null, null, "ce-2"));
    }

    @Test
    void aReasonCodeInJsonOrInACloudEventsDataIsKeptAsSentAndStatesAReasonItNames() {
        RowOutcome json = Candidate.of(new PartnerEvent(
                        "DELIVERY_EXCEPTION", "ZYW3", null, "2023-11-13T09:34:56Z", "no one home", " NH ", "E1"))
                .outcome(mapper, 0, SOURCE);
        CloudEventMapping.Read cloudEvent =
                readStructured("com.zywa.card.delivery-exception", "{\"reason\":\"recipient_refused\"}");
        RowOutcome fromCloudEvent = cloudEvent.candidate().outcome(mapper, 0, SOURCE);

        assertThat(((RowOutcome.Accepted) json).event().rawReason()).isEqualTo("NH");
        assertThat(((RowOutcome.Accepted) json).event().reason()).isNull();
        assertThat(((RowOutcome.Accepted) fromCloudEvent).event().rawReason()).isEqualTo("recipient_refused");
        assertThat(((RowOutcome.Accepted) fromCloudEvent).event().reason()).isEqualTo(Reason.RECIPIENT_REFUSED);
    }

    @Test
    void aReasonCodeBreakingItsLimitsRejectsTheEvent() {
        assertThat(Candidate.of(new PartnerEvent(
                                "RETURNED", "ZYW4", null, "2023-11-13T09:34:56Z", null, "X".repeat(129), "E2"))
                        .outcome(mapper, 1, SOURCE))
                .extracting(RowOutcome.Rejected.class::cast)
                .extracting(RowOutcome.Rejected::reason)
                .isEqualTo("event 1: reason code is 129 characters long; at most 128 are accepted");
    }

    @Test
    void aCloudEventOfAnUnknownTypeOrWithDataThatIsNoObjectIsRefused() {
        assertThat(readStructured("com.zywa.card.lost", "{}").candidate().refusal())
                .startsWith("CloudEvent 'ce-2': type 'com.zywa.card.lost' is not one of [com.zywa.card.delivered");
        assertThat(readStructured("com.zywa.card.delivered", "[1,2]")
                        .candidate()
                        .refusal())
                .startsWith("CloudEvent 'ce-2': data is not a JSON object");
    }

    @Test
    void aMessageThatIsNoCloudEventIsRefusedAndKeptAsReceived() {
        CloudEventMapping.Read read = CloudEventMapping.read(
                () -> CloudEventMapping.FORMAT.deserialize("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)),
                () -> "as received");

        assertThat(read.event()).isNull();
        assertThat(read.candidate().outcome(mapper, 4, SOURCE))
                .extracting(RowOutcome.Rejected.class::cast)
                .satisfies(rejected -> {
                    assertThat(rejected.reason()).startsWith("event 4: not a CloudEvent 1.0");
                    assertThat(rejected.raw()).isEqualTo("as received");
                });
    }

    private static CloudEventMapping.Read readStructured(String type, String data) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"ce-2\",\"source\":\"/partners/default\",\"type\":\"" + type
                + "\",\"subject\":\"ZYW2\",\"time\":\"2023-11-13T09:34:56Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + data + "}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return CloudEventMapping.read(() -> CloudEventMapping.FORMAT.deserialize(bytes), () -> json);
    }
}
