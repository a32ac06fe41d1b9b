package com.zywa.cardstatus.ingest.console;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ops console looks cards up ({@code cardstatus.ingest.console.*}): status-api's URL, and the
 * {@code reader} key this service sends there on behalf of a signed-in ops user (the user's own key never leaves the
 * sign-in request). Without a key the console's card lookup answers 503 and says what to configure.
 *
 * @param statusApiUrl where status-api answers the console's card lookups
 * @param statusApiKey a key of role {@code reader} (or {@code ops}) sent to status-api; unset, the lookup answers 503
 */
@ConfigurationProperties("cardstatus.ingest.console")
record ConsoleSettings(
        @DefaultValue("http://localhost:8080") URI statusApiUrl,
        @Nullable String statusApiKey) {

    boolean canLookUp() {
        return statusApiKey != null && !statusApiKey.isBlank();
    }
}
