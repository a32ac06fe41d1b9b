package com.zywa.cardstatus.notifier.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.zywa.cardstatus.notifier.delivery.Attempt;
import com.zywa.cardstatus.notifier.delivery.Backlog;
import com.zywa.cardstatus.notifier.subscription.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A subscription as the API shows it: its target and filter, whether it is active or paused (and why), its backlog,
 * and, when asked for one subscription, its last attempts. {@code secret} only in the answer that made it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SubscriptionView(
        UUID id,
        String url,
        List<String> statuses,
        List<String> partners,
        List<String> reasons,
        List<String> actionRequired,
        @Nullable Boolean stalled,
        boolean includePhone,
        String state,
        @Nullable Instant pausedAt,
        @Nullable String pausedReason,
        Instant createdAt,
        String createdBy,
        @Nullable Instant previousSecretValidUntil,
        long backlog,
        @Nullable Instant oldestPendingSince,
        @Nullable String secret,
        @Nullable List<Attempt> lastAttempts) {

    static SubscriptionView of(Subscription s, Backlog backlog, Instant now) {
        return new SubscriptionView(
                s.id(),
                s.url().toString(),
                s.filter().statuses(),
                s.filter().partners(),
                s.filter().reasons(),
                s.filter().actionRequired(),
                s.filter().stalled(),
                s.includePhone(),
                s.paused() ? "paused" : "active",
                s.pausedAt(),
                s.pausedReason(),
                s.createdAt(),
                s.createdBy(),
                s.signingSecrets(now).size() > 1 ? s.previousSecretUntil() : null,
                backlog.pending(),
                backlog.oldestPendingSince(),
                null,
                null);
    }

    SubscriptionView withSecret(String shownOnce) {
        return with(shownOnce, lastAttempts);
    }

    SubscriptionView withAttempts(List<Attempt> attempts) {
        return with(secret, attempts);
    }

    private SubscriptionView with(@Nullable String shownOnce, @Nullable List<Attempt> attempts) {
        return new SubscriptionView(
                id,
                url,
                statuses,
                partners,
                reasons,
                actionRequired,
                stalled,
                includePhone,
                state,
                pausedAt,
                pausedReason,
                createdAt,
                createdBy,
                previousSecretValidUntil,
                backlog,
                oldestPendingSince,
                shownOnce,
                attempts);
    }
}
