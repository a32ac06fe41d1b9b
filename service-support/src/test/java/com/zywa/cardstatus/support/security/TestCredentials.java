package com.zywa.cardstatus.support.security;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API keys the tests of every module use, one per role and one per partner the tests send for ({@code default},
 * {@code fastcourier}, and {@code nobody}, a partner no ingest configuration knows), and the
 * {@code cardstatus.security.api-keys} properties that configure their hashes. Test keys only: never configured
 * anywhere else.
 */
public final class TestCredentials {

    public static final String READER_KEY = "csk_test-reader-key-0000000000000000000000000000";
    public static final String OPS_KEY = "csk_test-ops-key-000000000000000000000000000000000";
    public static final String PARTNER_KEY = "csk_test-partner-default-key-0000000000000000000";
    public static final String FASTCOURIER_KEY = "csk_test-partner-fastcourier-key-00000000000000";
    public static final String NOBODY_KEY = "csk_test-partner-nobody-key-00000000000000000000";
    public static final String METRICS_KEY = "csk_test-metrics-key-00000000000000000000000000";
    /** A well-formed key that no configuration knows. */
    public static final String UNKNOWN_KEY = "csk_test-unknown-key-00000000000000000000000000";

    /** One configured key: its name (what is recorded as the sender), role, partner (or null), and the key. */
    public record Key(String name, String role, String partner, String key) {}

    public static final List<Key> KEYS = List.of(
            new Key("reader-test", "reader", null, READER_KEY),
            new Key("ops-test", "ops", null, OPS_KEY),
            new Key("partner-default-test", "partner", "default", PARTNER_KEY),
            new Key("partner-fastcourier-test", "partner", "fastcourier", FASTCOURIER_KEY),
            new Key("partner-nobody-test", "partner", "nobody", NOBODY_KEY),
            new Key("metrics-test", "metrics", null, METRICS_KEY));

    private TestCredentials() {}

    /** {@code cardstatus.security.api-keys[N].*} for every test key, property name to value. */
    public static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            Key key = KEYS.get(i);
            String prefix = "cardstatus.security.api-keys[" + i + "].";
            properties.put(prefix + "name", key.name());
            properties.put(prefix + "role", key.role());
            if (key.partner() != null) {
                properties.put(prefix + "partner", key.partner());
            }
            properties.put(prefix + "sha256", sha256Hex(key.key()));
        }
        return properties;
    }

    /** The name recorded for the holder of {@code key}. */
    public static String nameOf(String key) {
        return KEYS.stream()
                .filter(k -> k.key().equals(key))
                .map(Key::name)
                .findFirst()
                .orElseThrow();
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }
}
