package com.zywa.cardstatus.notifier.api;

import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.delivery.Attempt;
import com.zywa.cardstatus.notifier.delivery.Backlog;
import com.zywa.cardstatus.notifier.delivery.DeliveryOperations;
import com.zywa.cardstatus.notifier.subscription.Secrets;
import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.subscription.SubscriptionRepository;
import com.zywa.cardstatus.notifier.targets.TargetPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What ops may do with subscriptions, each checked before anything is stored or sent. */
@Service
class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    static final int LAST_ATTEMPTS = 10;

    private final SubscriptionRepository subscriptions;
    private final DeliveryOperations deliveries;
    private final TargetPolicy targets;
    private final TopicEnds topicEnds;
    private final NotifierSettings settings;
    private final Clock clock;

    SubscriptionService(
            SubscriptionRepository subscriptions,
            DeliveryOperations deliveries,
            TargetPolicy targets,
            TopicEnds topicEnds,
            NotifierSettings settings,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.topicEnds = topicEnds;
        this.settings = settings;
        this.clock = clock;
    }

    SubscriptionView create(SubscriptionRequest request, String createdBy) {
        URI url = TargetUrls.parse(request.url(), targets);
        var filter = FilterRules.filter(request);
        if (subscriptions.count() >= settings.maxSubscriptions()) {
            throw SubscriptionException.conflict(
                    "too_many_subscriptions",
                    "at most " + settings.maxSubscriptions()
                            + " subscriptions (cardstatus.notifier.max-subscriptions)");
        }
        String secret = Secrets.generate();
        Instant now = clock.instant();
        Subscription subscription = new Subscription(
                UUID.randomUUID(),
                url,
                filter,
                Boolean.TRUE.equals(request.includePhone()),
                secret,
                null,
                null,
                topicEnds.now(),
                now,
                createdBy,
                null,
                null);
        subscriptions.insert(subscription);
        log.info("subscription {} created by {} for {}", subscription.id(), createdBy, url.getHost());
        return SubscriptionView.of(subscription, Backlog.NONE, now).withSecret(secret);
    }

    List<SubscriptionView> list() {
        Map<UUID, Backlog> backlogs = deliveries.backlogs();
        Instant now = clock.instant();
        return subscriptions.all().stream()
                .map(s -> SubscriptionView.of(s, backlogs.getOrDefault(s.id(), Backlog.NONE), now))
                .toList();
    }

    SubscriptionView get(UUID id) {
        Subscription subscription = find(id);
        return SubscriptionView.of(subscription, backlog(id), clock.instant())
                .withAttempts(deliveries.attempts(id, LAST_ATTEMPTS));
    }

    SubscriptionView pause(UUID id, @Nullable String reason) {
        find(id);
        subscriptions.pause(id, clock.instant(), reason == null || reason.isBlank() ? "paused by ops" : reason.strip());
        return get(id);
    }

    SubscriptionView resume(UUID id) {
        find(id);
        subscriptions.resume(id);
        deliveries.resumed(id);
        return get(id);
    }

    void delete(UUID id) {
        if (!subscriptions.delete(id)) {
            throw SubscriptionException.notFound(id);
        }
        log.info("subscription {} deleted", id);
    }

    SubscriptionView rotate(UUID id) {
        find(id);
        String secret = Secrets.generate();
        subscriptions.rotate(id, secret, clock.instant().plus(settings.secretOverlap()));
        return get(id).withSecret(secret);
    }

    Attempt test(UUID id) {
        return deliveries.test(find(id));
    }

    int redeliver(UUID id, RedeliveryRequest range) {
        find(id);
        if (range.from() == null || range.to() == null || !range.from().isBefore(range.to())) {
            throw SubscriptionException.invalid("invalid_range", "give 'from' before 'to' (ISO-8601 instants)");
        }
        return deliveries.redeliver(id, range.from(), range.to());
    }

    List<Attempt> attempts(UUID id, int limit) {
        find(id);
        return deliveries.attempts(id, Math.max(1, Math.min(limit, 500)));
    }

    private Subscription find(UUID id) {
        return subscriptions.find(id).orElseThrow(() -> SubscriptionException.notFound(id));
    }

    private Backlog backlog(UUID id) {
        return deliveries.backlogs().getOrDefault(id, Backlog.NONE);
    }
}
