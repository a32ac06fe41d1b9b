package com.zywa.cardstatus.notifier.delivery;

import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.subscription.SubscriptionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notifier's metrics per subscription: attempts by outcome, backlog, age of the oldest undelivered webhook, and
 * whether it is paused. The {@code subscription} label is the subscription's ID: at most
 * {@code cardstatus.notifier.max-subscriptions} values, and a deleted subscription's series are removed; the outcome
 * is one of four. Backlog gauges are read from PostgreSQL every 15 s, so they cover every instance's work.
 */
@Component
class DeliveryMetrics {

    private static final String DELIVERIES = "cardstatus.notifier.deliveries";

    private final MeterRegistry meters;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final MultiGauge backlog;
    private final MultiGauge oldestAge;
    private final MultiGauge paused;

    DeliveryMetrics(
            MeterRegistry meters, SubscriptionRepository subscriptions, DeliveryRepository deliveries, Clock clock) {
        this.meters = meters;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
        this.backlog = MultiGauge.builder("cardstatus.notifier.backlog")
                .description("Webhooks owed to a subscription and not yet delivered")
                .register(meters);
        this.oldestAge = MultiGauge.builder("cardstatus.notifier.oldest.pending.age")
                .description("How long the oldest undelivered webhook of a subscription has waited (0 when none)")
                .baseUnit("seconds")
                .register(meters);
        this.paused = MultiGauge.builder("cardstatus.notifier.paused")
                .description("1 while a subscription is paused (by ops or after failing for the retry horizon)")
                .register(meters);
    }

    void attempted(UUID subscriptionId, AttemptResult result) {
        Counter.builder(DELIVERIES)
                .description("Attempts to deliver a webhook, by subscription and outcome")
                .tag("subscription", subscriptionId.toString())
                .tag("outcome", result.outcome())
                .register(meters)
                .increment();
    }

    @Scheduled(initialDelay = 0, fixedDelay = 15_000)
    void refresh() {
        List<Subscription> all = subscriptions.all();
        Map<UUID, Backlog> backlogs = deliveries.backlogs();
        Instant now = clock.instant();
        backlog.register(
                rows(all, s -> backlogs.getOrDefault(s.id(), Backlog.NONE).pending()), true);
        oldestAge.register(rows(all, s -> ageSeconds(backlogs.getOrDefault(s.id(), Backlog.NONE), now)), true);
        paused.register(rows(all, s -> s.paused() ? 1 : 0), true);
        Set<String> ids = all.stream().map(s -> s.id().toString()).collect(Collectors.toSet());
        meters.find(DELIVERIES).counters().stream()
                .filter(counter -> !ids.contains(counter.getId().getTag("subscription")))
                .forEach(meters::remove);
    }

    private static double ageSeconds(Backlog backlog, Instant now) {
        Instant oldest = backlog.oldestPendingSince();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    }

    private static List<MultiGauge.Row<?>> rows(
            List<Subscription> all, java.util.function.ToDoubleFunction<Subscription> value) {
        return all.stream()
                .<MultiGauge.Row<?>>map(
                        s -> MultiGauge.Row.of(Tags.of("subscription", s.id().toString()), value.applyAsDouble(s)))
                .toList();
    }
}
