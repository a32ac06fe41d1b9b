package com.zywa.cardstatus.notifier.delivery;

import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.subscription.SubscriptionRepository;
import com.zywa.cardstatus.notifier.webhook.WebhookPhones;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt to deliver a claimed webhook and what follows from it (the body sent, and signed, is the stored one
 * with its phone opened: {@link WebhookPhones}): delivered; or tried again after the back-off;
 * or, once the delivery has been failing for the retry horizon, the subscription paused with the reason, its backlog
 * kept and due at once when ops resume it. Every attempt is recorded and counted.
 */
@Component
class Attempts {

    private static final Logger log = LoggerFactory.getLogger(Attempts.class);

    private final WebhookSender sender;
    private final WebhookPhones phones;
    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final DeliveryMetrics metrics;
    private final RetryPolicy retries;
    private final Clock clock;

    Attempts(
            WebhookSender sender,
            WebhookPhones phones,
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            DeliveryMetrics metrics,
            NotifierSettings settings,
            Clock clock) {
        this.sender = sender;
        this.phones = phones;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        this.retries = new RetryPolicy(
                settings.firstRetry(),
                settings.maxRetryInterval(),
                settings.retryHorizon(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.clock = clock;
    }

    void attempt(Subscription subscription, PendingDelivery delivery) {
        String body;
        try {
            body = phones.opened(delivery.body());
        } catch (RuntimeException e) {
            // not the receiver's failure, so no attempt is recorded: the lease ends and the delivery is claimed again
            log.warn(
                    "the phone of webhook {} could not be opened, it is sent when it can be: {}",
                    delivery.webhookId(),
                    SafeMessages.rootCause(e));
            return;
        }
        AttemptResult result = sender.send(
                subscription.url(), delivery.webhookId(), body, subscription.signingSecrets(clock.instant()));
        Instant now = clock.instant();
        metrics.attempted(subscription.id(), result);
        if (result.succeeded()) {
            deliveries.delivered(delivery, now, result);
            return;
        }
        Instant failingSince = delivery.failingSince() == null ? now : delivery.failingSince();
        if (!retries.exhausted(failingSince, now)) {
            deliveries.failed(delivery, now, result, failingSince, now.plus(retries.delay(delivery.attempts() + 1)));
            return;
        }
        deliveries.failed(delivery, now, result, failingSince, now);
        String reason = "deliveries failing since " + failingSince + " (retry horizon " + retries.horizon()
                + "); last attempt: " + result.error();
        if (subscriptions.pause(subscription.id(), now, reason)) {
            log.warn("paused subscription {}: {}", subscription.id(), reason);
        }
    }
}
