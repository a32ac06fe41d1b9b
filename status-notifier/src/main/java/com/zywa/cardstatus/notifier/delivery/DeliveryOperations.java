package com.zywa.cardstatus.notifier.delivery;

import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.webhook.Webhook;
import com.zywa.cardstatus.notifier.webhook.Webhooks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What ops do to a subscription's deliveries: resume them, redeliver a time range, send a test event, read attempts. */
@Component
public class DeliveryOperations {

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final Webhooks webhooks;
    private final Dispatcher dispatcher;
    private final Clock clock;

    DeliveryOperations(
            DeliveryRepository deliveries,
            WebhookSender sender,
            Webhooks webhooks,
            Dispatcher dispatcher,
            Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Makes a resumed subscription's backlog due now, with a fresh retry horizon; how many deliveries that is. */
    public int resumed(UUID subscriptionId) {
        int due = deliveries.retryNow(subscriptionId, clock.instant());
        dispatcher.wakeUp();
        return due;
    }

    /** Sends the webhooks enqueued in [from, to) again, in order, with their own ids; how many. */
    public int redeliver(UUID subscriptionId, Instant from, Instant to) {
        int again = deliveries.redeliver(subscriptionId, from, to, clock.instant());
        dispatcher.wakeUp();
        return again;
    }

    /** Sends a test event now, outside the queue (also while paused), records the attempt and says how it went. */
    public Attempt test(Subscription subscription) {
        Instant now = clock.instant();
        Webhook test = webhooks.test(subscription, now);
        AttemptResult result =
                sender.send(subscription.url(), test.webhookId(), test.body(), subscription.signingSecrets(now));
        deliveries.recordAttempt(subscription.id(), null, test.webhookId(), now, result);
        return new Attempt(
                test.webhookId(),
                now,
                result.statusCode(),
                result.latencyMs(),
                result.error(),
                result.responseExcerpt());
    }

    public List<Attempt> attempts(UUID subscriptionId, int limit) {
        return deliveries.attempts(subscriptionId, limit);
    }

    public Map<UUID, Backlog> backlogs() {
        return deliveries.backlogs();
    }
}
