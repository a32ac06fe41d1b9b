package com.zywa.cardstatus.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code cardstatus.security.*} as bound at start: defaults, and every mistake refused with a message saying which. */
class SecuritySettingsTests {

    private static final String HASH = "a".repeat(64);

    @Test
    void bindsKeysAndDefaultsTheJwtClaims() {
        SecuritySettings settings = bind(Map.of(
                "api-keys[0].name",
                "partner-default-2026-11",
                "api-keys[0].role",
                "Partner",
                "api-keys[0].partner",
                "default",
                "api-keys[0].sha256",
                HASH.toUpperCase()));

        assertThat(settings.apiKeys()).singleElement().satisfies(key -> {
            assertThat(key.caller()).isEqualTo(new Caller("partner-default-2026-11", Set.of(Role.PARTNER), "default"));
            assertThat(key.sha256()).isEqualTo(HASH);
        });
        assertThat(settings.jwt()).isEqualTo(new SecuritySettings.Jwt("roles", "partner", "sub"));
    }

    @Test
    void bindsNothingConfiguredAsNoKeys() {
        assertThat(bind(Map.of()).apiKeys()).isEmpty();
    }

    @Test
    void refusesAnUnknownRole() {
        assertRefused(key("admin", null, HASH), "role 'admin' is not one of reader, ops, partner, metrics");
    }

    @Test
    void refusesAPartnerKeyWithoutPartnerAndAPartnerOnAnotherRole() {
        assertRefused(key("partner", null, HASH), "API key 'k' has role partner but no partner");
        assertRefused(key("reader", "default", HASH), "API key 'k' has a partner but role reader");
    }

    @Test
    void refusesAHashThatIsNot64HexCharacters() {
        assertRefused(key("ops", null, "csk_thekeyitself"), "sha256 must be 64 hexadecimal characters");
        assertRefused(key("ops", null, "g".repeat(64)), "sha256 must be 64 hexadecimal characters");
    }

    @Test
    void refusesTheHashOfAnEmptyKey() {
        assertRefused(
                key("ops", null, TestCredentials.sha256Hex("")),
                "API key 'k': sha256 is that of an empty key (e3b0c442…)");
        assertRefused(key("reader", null, SecuritySettings.EMPTY_KEY_SHA256.toUpperCase()), "that of an empty key");
    }

    @Test
    void refusesAKeyWithoutNameAndTwoKeysWithOneHash() {
        Map<String, String> nameless = new HashMap<>(key("ops", null, HASH));
        nameless.remove("api-keys[0].name");
        assertRefused(nameless, "every API key needs a name");
        Map<String, String> twice = new HashMap<>(key("ops", null, HASH));
        twice.putAll(Map.of("api-keys[1].name", "k2", "api-keys[1].role", "reader", "api-keys[1].sha256", HASH));
        assertRefused(twice, "API key 'k2' has the same sha256 as another key");
    }

    @Test
    void refusesAKeyNamedAsAJwtCallerIsRecorded() {
        Map<String, String> named = new HashMap<>(key("ops", null, HASH));
        named.put("api-keys[0].name", "jwt:svc-ops");
        assertRefused(named, "API key 'jwt:svc-ops': a name starting with jwt:");
    }

    private static Map<String, String> key(String role, String partner, String sha256) {
        Map<String, String> key =
                new HashMap<>(Map.of("api-keys[0].name", "k", "api-keys[0].role", role, "api-keys[0].sha256", sha256));
        if (partner != null) {
            key.put("api-keys[0].partner", partner);
        }
        return key;
    }

    private static void assertRefused(Map<String, String> properties, String message) {
        assertThatThrownBy(() -> bind(properties))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining(message);
    }

    private static SecuritySettings bind(Map<String, String> properties) {
        Map<String, String> prefixed = new HashMap<>();
        properties.forEach((name, value) -> prefixed.put("cardstatus.security." + name, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("cardstatus.security", SecuritySettings.class);
    }
}
