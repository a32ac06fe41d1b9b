package com.zywa.cardstatus.notifier;

import com.zywa.cardstatus.contract.Topics;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the notifier reads and delivers ({@code cardstatus.notifier.*}), each default stated here only: the topics it
 * reads, the CloudEvent {@code source} of its webhooks, the timeout of one attempt, how many attempts run at once per
 * subscription, the retry back-off and for how long a failing subscription is retried before it is paused, how long a
 * rotated secret keeps signing, how long attempts and delivered webhooks are kept, and which targets are allowed
 * (HTTPS to public addresses only unless {@code allowHttp} / {@code allowPrivateTargets}, for local use).
 */
@ConfigurationProperties("cardstatus.notifier")
public record NotifierSettings(
        @DefaultValue(Topics.STATUS) String statusTopic,
        @DefaultValue("card.stalled") String stalledTopic,
        @DefaultValue("/zywa/card-status") URI source,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("4") int concurrency,
        @DefaultValue("5s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryInterval,
        @DefaultValue("24h") Duration retryHorizon,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("100") int maxSubscriptions) {

    public NotifierSettings {
        positive("timeout", timeout);
        positive("first-retry", firstRetry);
        positive("max-retry-interval", maxRetryInterval);
        positive("retry-horizon", retryHorizon);
        positive("poll-interval", pollInterval);
        positive("retention", retention);
        if (secretOverlap.isNegative()) {
            throw new IllegalArgumentException("cardstatus.notifier.secret-overlap must not be negative");
        }
        if (concurrency < 1 || maxSubscriptions < 1) {
            throw new IllegalArgumentException(
                    "cardstatus.notifier.concurrency and max-subscriptions must be at least 1");
        }
    }

    /**
     * How long a claimed attempt owns its delivery: past its timeout with room to record the outcome; an instance
     * that died meanwhile leaves it to be claimed again after this.
     */
    public Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(5);
    }

    private static void positive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("cardstatus.notifier." + name + " must be positive, not " + value);
        }
    }
}
