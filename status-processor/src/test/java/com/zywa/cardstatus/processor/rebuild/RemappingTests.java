package com.zywa.cardstatus.processor.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.CardStatus.HistoryEntry;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Responsible;
import com.zywa.cardstatus.fold.ReasonMapping;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a re-projection changes in a status: only reasons that were missing or OTHER, by the mapping in force. */
class RemappingTests {

    private static final Instant PICKED = Instant.parse("2023-11-11T23:45:00Z");
    private static final Instant FAILED = Instant.parse("2023-11-13T10:00:00Z");
    private static final ReasonMapping SHIPPED = ReasonMappingFile.shippedDefault();
    private static final ReasonMapping WITH_NH = ReasonMappingFile.parse(ReasonMappingFile.shippedText() + """
              swift:
                codes:
                  NH: RECIPIENT_UNAVAILABLE
            """);

    @Test
    void givesAStatusFoldedBeforeStatusV2TheReasonOfItsCommentByTheDefaultPartnersMapping() {
        CardStatus v1 = status(
                null,
                null,
                null,
                List.of(
                        HistoryEntry.of(EventType.PICKED_UP, PICKED, null),
                        HistoryEntry.of(EventType.DELIVERY_EXCEPTION, FAILED, "User not available")));

        Remapping.Result result = Remapping.remap(v1, SHIPPED);

        assertThat(result.remapped()).isEqualTo(1);
        CardStatus remapped = result.status();
        assertThat(remapped.history().get(1).reason()).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(remapped.history().get(1).actionRequired()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(remapped.history().get(1).responsible()).isEqualTo(Responsible.RECIPIENT);
        assertThat(remapped.history().get(0)).isEqualTo(v1.history().get(0));
        assertThat(remapped.reason()).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(remapped.actionRequired()).isEqualTo(ActionRequired.CONTACT_CARDHOLDER);
        assertThat(remapped.version()).isEqualTo(v1.version());
    }

    @Test
    void mapsAnUnmappedCodeOnceTheMappingKnowsItAndLeavesItWhileItDoesNot() {
        EventSource swift = EventSource.api("swift", "courier");
        HistoryEntry unmapped = new HistoryEntry(
                EventType.DELIVERY_EXCEPTION, FAILED, null, Reason.OTHER, "NH", null, ActionRequired.NONE, "E1", swift);
        CardStatus status = status(Reason.OTHER, "NH", "swift", List.of(unmapped));

        assertThat(Remapping.remap(status, SHIPPED).status()).isSameAs(status);
        Remapping.Result result = Remapping.remap(status, WITH_NH);

        HistoryEntry entry = result.status().history().get(0);
        assertThat(entry.reason()).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(entry.rawReason()).isEqualTo("NH");
        assertThat(entry.source()).isEqualTo(swift);
        assertThat(entry.partnerEventId()).isEqualTo("E1");
        assertThat(result.status().reason()).isEqualTo(Reason.RECIPIENT_UNAVAILABLE);
        assertThat(result.status().rawReason()).isEqualTo("NH");
    }

    @Test
    void leavesAReasonTheFoldGaveAsItIs() {
        HistoryEntry refused = new HistoryEntry(
                EventType.DELIVERY_EXCEPTION,
                FAILED,
                "User not available",
                Reason.RECIPIENT_REFUSED,
                "RF",
                Responsible.RECIPIENT,
                ActionRequired.CONTACT_CARDHOLDER,
                null,
                EventSource.api("default", "courier"));
        CardStatus status = status(Reason.RECIPIENT_REFUSED, "RF", "default", List.of(refused));

        assertThat(Remapping.remap(status, SHIPPED)).isEqualTo(new Remapping.Result(status, 0));
    }

    private static CardStatus status(Reason reason, String rawReason, String partner, List<HistoryEntry> history) {
        HistoryEntry last = history.get(history.size() - 1);
        return new CardStatus(
                "ZYW8890",
                last.status(),
                last.at(),
                "+971539000001",
                last.comment(),
                reason,
                rawReason,
                reason == null ? null : reason.responsible(),
                reason == null ? null : Reason.actionFor(last.status(), reason),
                1,
                null,
                partner,
                3,
                null,
                history);
    }
}
