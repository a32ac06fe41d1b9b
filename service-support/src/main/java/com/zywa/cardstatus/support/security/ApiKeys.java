package com.zywa.cardstatus.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys, as hashes. A presented key is hashed and compared with every configured hash in constant
 * time, without stopping at a match, so how long a check takes tells nothing about which key, if any, matched.
 */
final class ApiKeys {
    /** One SHA-256 digest per thread: looking the algorithm up on every request cost more than the hash. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private record Known(byte[] sha256, Caller caller) {}

    private final List<Known> known;

    ApiKeys(List<SecuritySettings.ApiKey> keys) {
        this.known = keys.stream()
                .map(key -> new Known(HexFormat.of().parseHex(key.sha256()), key.caller()))
                .toList();
    }

    boolean isEmpty() {
        return known.isEmpty();
    }

    /** The caller whose key {@code presented} is, if any; an empty key is nobody's. */
    Optional<Caller> authenticate(String presented) {
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        Caller match = null;
        for (Known key : known) {
            boolean equal = MessageDigest.isEqual(hash, key.sha256());
            match = equal ? key.caller() : match;
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String key) {
        // digest() resets it for the next key
        return SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    }
}
