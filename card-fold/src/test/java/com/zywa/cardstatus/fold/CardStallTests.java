package com.zywa.cardstatus.fold;

import static com.zywa.cardstatus.fold.CardEvents.event;
import static com.zywa.cardstatus.fold.CardEvents.fold;
import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardStallTests {

    private static final Instant PICKED = Instant.parse("2023-11-10T09:00:00Z");

    @Test
    void aPickedUpCardStallsThreeDaysAfterItsPickUpByDefault() {
        CardState picked = fold(List.of(event(EventType.PICKED_UP, PICKED.toString(), null)));

        assertThat(picked.stallsAt(StallRules.DEFAULTS)).isEqualTo(PICKED.plus(Duration.ofDays(3)));
    }

    @Test
    void anExceptionStallsAfterTwoDaysAndADeliveredCardNever() {
        CardState exception = fold(List.of(
                event(EventType.PICKED_UP, PICKED.toString(), null),
                event(EventType.DELIVERY_EXCEPTION, "2023-11-11T09:00:00Z", null)));
        CardState delivered = exception.apply(event(EventType.DELIVERED, "2023-11-12T09:00:00Z", null));

        assertThat(exception.stallsAt(StallRules.DEFAULTS)).isEqualTo(Instant.parse("2023-11-13T09:00:00Z"));
        assertThat(delivered.stallsAt(StallRules.DEFAULTS)).isNull();
    }

    @Test
    void aPartnersOwnRuleReplacesTheDefaultOfItsStatusOnlyAndZeroMeansNever() {
        StallRules rules = new StallRules(
                StallRules.DEFAULTS.after(),
                Map.of(
                        "default", Map.of(EventType.PICKED_UP, Duration.ofDays(5)),
                        "swiftpost", Map.of(EventType.DELIVERY_EXCEPTION, Duration.ZERO)));

        assertThat(rules.threshold("default", EventType.PICKED_UP)).isEqualTo(Duration.ofDays(5));
        assertThat(rules.threshold("default", EventType.DELIVERY_EXCEPTION)).isEqualTo(Duration.ofDays(2));
        assertThat(rules.threshold("swiftpost", EventType.PICKED_UP)).isEqualTo(Duration.ofDays(3));
        assertThat(rules.threshold("swiftpost", EventType.DELIVERY_EXCEPTION)).isNull();
        assertThat(rules.threshold(null, EventType.PICKED_UP)).isEqualTo(Duration.ofDays(3));
        assertThat(rules.threshold(null, EventType.DELIVERED)).isNull();
    }

    @Test
    void equalRulesHaveOneFingerprintAndOthersAnother() {
        StallRules same = new StallRules(
                Map.of(EventType.DELIVERY_EXCEPTION, Duration.ofDays(2), EventType.PICKED_UP, Duration.ofDays(3)),
                Map.of());
        StallRules longer = new StallRules(Map.of(EventType.PICKED_UP, Duration.ofDays(4)), Map.of());

        assertThat(same.fingerprint()).isEqualTo(StallRules.DEFAULTS.fingerprint());
        assertThat(longer.fingerprint()).isNotEqualTo(StallRules.DEFAULTS.fingerprint());
    }

    @Test
    void aStallIsANewVersionThatStallsNoMoreUntilTheNextEventClearsIt() {
        CardState picked = fold(List.of(event(EventType.PICKED_UP, PICKED.toString(), null)));
        Instant due = picked.stallsAt(StallRules.DEFAULTS);

        CardState stalled = picked.stalled(due);
        CardState delivered = stalled.apply(event(EventType.DELIVERED, "2023-11-14T09:00:00Z", null));

        assertThat(stalled.version()).isEqualTo(picked.version() + 1);
        assertThat(stalled.stalledSince()).isEqualTo(due);
        assertThat(stalled.stallsAt(StallRules.DEFAULTS)).as("stalls once").isNull();
        assertThat(stalled.toStatus(ReasonMapping.none(), due).stalledSince()).isEqualTo(due);
        assertThat(delivered.stalledSince()).isNull();
        assertThat(delivered.toStatus(ReasonMapping.none(), due).stalledSince()).isNull();
    }

    @Test
    void aLateOlderEventLeavesTheStallAsItIs() {
        CardState stalled = fold(List.of(event(EventType.PICKED_UP, PICKED.toString(), null)))
                .stalled(PICKED.plus(Duration.ofDays(3)));

        CardState late = stalled.apply(event(EventType.PICKED_UP, "2023-11-09T09:00:00Z", null, "other"));

        assertThat(late.events()).hasSize(2);
        assertThat(late.stalledSince()).isEqualTo(stalled.stalledSince());
    }
}
