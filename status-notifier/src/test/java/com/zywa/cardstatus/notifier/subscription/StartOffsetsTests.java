package com.zywa.cardstatus.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartOffsetsTests {

    private final StartOffsets offsets = new StartOffsets(Map.of("card.status", Map.of(0, 100L, 1, 7L)));

    @Test
    void coversOnlyRecordsFromTheSubscriptionsStartOn() {
        assertThat(offsets.covers("card.status", 0, 99)).isFalse();
        assertThat(offsets.covers("card.status", 0, 100)).isTrue();
        assertThat(offsets.covers("card.status", 1, 7)).isTrue();
    }

    @Test
    void coversAPartitionOrTopicCreatedAfterTheSubscriptionFromItsStart() {
        assertThat(offsets.covers("card.status", 2, 0)).isTrue();
        assertThat(offsets.covers("card.stalled", 0, 0)).isTrue();
    }
}
