package com.zywa.cardstatus.ingest.console;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ops console looks cards up ({@code ingest.console.*}): status-api's URL, and the {@code reader} key this
 * service sends there on behalf of a signed-in ops user (the user's own key never leaves the sign-in request).
 * Without a key the console's card lookup answers 503 and says what to configure.
 */
@ConfigurationProperties("ingest.console")
record ConsoleSettings(
        @DefaultValue("http://localhost:8080") URI statusApiUrl, String statusApiKey) {

    boolean canLookUp() {
        return statusApiKey != null && !statusApiKey.isBlank();
    }
}
