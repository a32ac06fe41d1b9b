package com.zywa.cardstatus.notifier.delivery;

import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.subscription.SubscriptionRepository;
import com.zywa.cardstatus.notifier.subscription.SubscriptionsChanged;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The subscriptions as the dispatcher last read them, at most one poll interval ago: a dispatch round runs after
 * every attempt, and reading them (their filters and offsets are JSON) each time cost more than the claim. A change
 * made through this instance is seen at once, one made through another within the interval.
 */
@Component
class KnownSubscriptions {

    private final SubscriptionRepository subscriptions;
    private final NotifierSettings settings;
    private volatile @Nullable List<Subscription> known;
    private volatile Instant readAt = Instant.EPOCH;

    KnownSubscriptions(SubscriptionRepository subscriptions, NotifierSettings settings) {
        this.subscriptions = subscriptions;
        this.settings = settings;
    }

    List<Subscription> at(Instant now) {
        List<Subscription> current = known;
        if (current == null || !now.isBefore(readAt.plus(settings.pollInterval()))) {
            current = subscriptions.all();
            known = current;
            readAt = now;
        }
        return current;
    }

    @EventListener
    void changed(SubscriptionsChanged event) {
        known = null;
    }
}
