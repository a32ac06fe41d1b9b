package com.zywa.cardstatus.notifier.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A receiver of webhooks: where they go, which changes it wants and whether with the phone, the secret that signs
 * them (and the previous one, which signs beside it until {@code previousSecretUntil} after a rotation), where in
 * the topics it starts, and whether ops or the retry horizon paused it (its backlog is kept meanwhile).
 */
public record Subscription(
        UUID id,
        URI url,
        SubscriptionFilter filter,
        boolean includePhone,
        String secret,
        @Nullable String previousSecret,
        @Nullable Instant previousSecretUntil,
        StartOffsets startOffsets,
        Instant createdAt,
        String createdBy,
        @Nullable Instant pausedAt,
        @Nullable String pausedReason) {

    public boolean paused() {
        return pausedAt != null;
    }

    /** The secrets that sign a webhook sent at {@code now}: the current one, and the previous during its overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    /** Never the secrets: this may end up in a log line. */
    @Override
    public String toString() {
        return "Subscription[" + id + (paused() ? ", paused" : "") + "]";
    }
}
