package com.zywa.cardstatus.api.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work queue's counts as gauges: {@code cardstatus_queue_cards{partner,status,action_required}} and
 * {@code cardstatus_queue_stalled_cards{partner,status}}, replaced at each count (a group that emptied disappears),
 * and {@code cardstatus_queue_counted_seconds}, when the last count succeeded.
 */
class QueueGauges {

    private final QueueCounts counts;
    private final MultiGauge cards;
    private final MultiGauge stalled;

    QueueGauges(QueueCounts counts, MeterRegistry meters) {
        this.counts = counts;
        this.cards = MultiGauge.builder("cardstatus.queue.cards")
                .description("Cards per partner, status and action required, at the last count")
                .register(meters);
        this.stalled = MultiGauge.builder("cardstatus.queue.stalled.cards")
                .description("Stalled cards per partner and status, at the last count")
                .register(meters);
        meters.gauge("cardstatus.queue.counted.seconds", counts, c -> {
            java.time.Instant at = c.last().asOf();
            return at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
        });
    }

    /** Replaces the gauges' values with the last count's. */
    void publish() {
        QueueCounts.Snapshot snapshot = counts.last();
        if (snapshot.asOf() == null) {
            return;
        }
        Map<Tags, Long> stalledByStatus = new HashMap<>();
        List<MultiGauge.Row<?>> rows = new java.util.ArrayList<>();
        for (QueueCount count : snapshot.counts()) {
            rows.add(MultiGauge.Row.of(
                    Tags.of(
                            "partner", label(count.partner()),
                            "status", count.status(),
                            "action_required", label(count.actionRequired())),
                    count.cards()));
            stalledByStatus.merge(
                    Tags.of("partner", label(count.partner()), "status", count.status()), count.stalled(), Long::sum);
        }
        cards.register(rows, true);
        stalled.register(
                stalledByStatus.entrySet().stream()
                        .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                        .toList(),
                true);
    }

    private static String label(String value) {
        return value == null ? "none" : value;
    }
}
