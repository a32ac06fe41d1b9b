package com.zywa.cardstatus.notifier.subscription;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets as Standard Webhooks writes them: {@code whsec_} and the base64 of 32 random bytes (the
 * specification asks for 24 to 64), made by the service so no one picks a weak one.
 */
public final class Secrets {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    public static String generate() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
