package com.zywa.cardstatus.support.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Checks an API key typed into a sign-in form (the ops console) exactly as the {@code X-API-Key} filter checks a
 * header: against the configured hashes, in constant time. A known key gives the same authentication, its
 * {@link Caller} as principal, that the header would.
 */
public final class ApiKeySignIn {

    private final ApiKeys keys;

    ApiKeySignIn(ApiKeys keys) {
        this.keys = keys;
    }

    /** The authentication of the holder of {@code presented}, if it is a configured key. */
    public Optional<Authentication> authenticate(String presented) {
        return presented == null
                ? Optional.empty()
                : keys.authenticate(presented.strip()).map(CallerAuthentication::new);
    }
}
