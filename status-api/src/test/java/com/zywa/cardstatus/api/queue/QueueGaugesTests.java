package com.zywa.cardstatus.api.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/** The work queue's counts as gauges: one series per group of the last count, a group that emptied gone. */
class QueueGaugesTests {

    private static final Instant NOW = Instant.parse("2023-11-20T12:00:00Z");

    private final QueueCountRepository repository = mock(QueueCountRepository.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final QueueCounts counts = new QueueCounts(repository, Clock.fixed(NOW, ZoneOffset.UTC));
    private final QueueGauges gauges = new QueueGauges(counts, meters);

    @Test
    void publishesCardsPerGroupAndStalledPerPartnerAndStatus() {
        given(repository.count())
                .willReturn(List.of(
                        new QueueCount("swift", "DELIVERY_EXCEPTION", "CONTACT_CARDHOLDER", 12, 3),
                        new QueueCount("swift", "DELIVERY_EXCEPTION", "WAIT_FOR_COURIER", 5, 1),
                        new QueueCount(null, "PICKED_UP", "NONE", 2, 0)));

        counts.refresh();
        gauges.publish();

        assertThat(meters.get("cardstatus.queue.cards")
                        .tags(
                                "partner",
                                "swift",
                                "status",
                                "DELIVERY_EXCEPTION",
                                "action_required",
                                "CONTACT_CARDHOLDER")
                        .gauge()
                        .value())
                .isEqualTo(12);
        assertThat(meters.get("cardstatus.queue.stalled.cards")
                        .tags("partner", "swift", "status", "DELIVERY_EXCEPTION")
                        .gauge()
                        .value())
                .isEqualTo(4);
        assertThat(meters.get("cardstatus.queue.stalled.cards")
                        .tags("partner", "none", "status", "PICKED_UP")
                        .gauge()
                        .value())
                .isZero();
        assertThat(meters.get("cardstatus.queue.counted.seconds").gauge().value())
                .isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void aGroupThatEmptiedDisappearsAndAFailedCountKeepsTheLast() {
        given(repository.count())
                .willReturn(List.of(new QueueCount("swift", "PICKED_UP", "NONE", 2, 1)))
                .willReturn(List.of(new QueueCount("swift", "DELIVERED", "NONE", 2, 0)))
                .willThrow(new QueryTimeoutException("slow"));
        counts.refresh();
        gauges.publish();

        counts.refresh();
        gauges.publish();
        counts.refresh();

        assertThat(meters.find("cardstatus.queue.cards")
                        .tag("status", "PICKED_UP")
                        .gauge())
                .isNull();
        assertThat(counts.last().counts()).extracting(QueueCount::status).containsExactly("DELIVERED");
    }
}
