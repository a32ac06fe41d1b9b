package com.zywa.cardstatus.ingest.console;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whom the ops console asks on a signed-in ops user's behalf ({@code cardstatus.ingest.console.*}), each with a key of
 * this service's own (the user's own key never leaves the sign-in request): status-api for card lookups and the
 * unmapped reasons, status-notifier for the webhook subscriptions. Without a key, the console's calls to that service
 * answer 503 and say what to configure.
 *
 * @param statusApiUrl where status-api answers the console's card lookups
 * @param statusApiKey a key of role {@code reader} (or {@code ops}) sent to status-api; unset, the lookup answers 503
 * @param notifierUrl where status-notifier answers the console's subscriptions page
 * @param notifierKey a key of role {@code ops} sent to status-notifier; unset, the subscriptions page answers 503
 * @param signInFailuresPerMinute refused sign-ins one address may have a minute (refilled gradually); beyond them its
 *     attempts are turned away until one has come back
 */
@ConfigurationProperties("cardstatus.ingest.console")
record ConsoleSettings(
        @DefaultValue("http://localhost:8080") URI statusApiUrl,
        @Nullable String statusApiKey,
        @DefaultValue("http://localhost:8083") URI notifierUrl,
        @Nullable String notifierKey,
        @DefaultValue("10") int signInFailuresPerMinute) {}
