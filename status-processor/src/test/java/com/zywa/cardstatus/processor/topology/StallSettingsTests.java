package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.EventType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The stall rules as operators write them: each status by its name in any case, over the defaults it replaces. */
class StallSettingsTests {

    @Test
    void withNothingSetTheDefaultsHold() {
        StallSchedule schedule = bind(Map.of()).schedule();

        assertThat(schedule.rules().threshold("any", EventType.PICKED_UP)).isEqualTo(Duration.ofDays(3));
        assertThat(schedule.rules().threshold("any", EventType.DELIVERY_EXCEPTION))
                .isEqualTo(Duration.ofDays(2));
        assertThat(schedule.checkInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aStatusSetReplacesItsDefaultOnlyAndAPartnersRuleItsOwn() {
        StallSchedule schedule = bind(Map.of(
                        "cardstatus.stalls.after.PICKED_UP", "5d",
                        "cardstatus.stalls.partners.swiftpost.delivery-exception", "0s",
                        "cardstatus.stalls.partners.swiftpost.RETURNED", "1d",
                        "cardstatus.stalls.check-interval", "2s"))
                .schedule();

        assertThat(schedule.rules().threshold("default", EventType.PICKED_UP)).isEqualTo(Duration.ofDays(5));
        assertThat(schedule.rules().threshold("default", EventType.DELIVERY_EXCEPTION))
                .isEqualTo(Duration.ofDays(2));
        assertThat(schedule.rules().threshold("swiftpost", EventType.DELIVERY_EXCEPTION))
                .isNull();
        assertThat(schedule.rules().threshold("swiftpost", EventType.RETURNED)).isEqualTo(Duration.ofDays(1));
        assertThat(schedule.checkInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    private static StallSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("cardstatus.stalls", StallSettings.class);
    }
}
