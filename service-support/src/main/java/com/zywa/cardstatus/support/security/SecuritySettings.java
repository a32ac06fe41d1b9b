package com.zywa.cardstatus.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the services ({@code cardstatus.security.*}): API keys, stored only as SHA-256 hashes, several per
 * role if need be (rotation), and the claims a JWT carries its roles, partner and name in. Checked when bound, so a
 * mistyped key fails the start instead of locking its holder out.
 *
 * @param apiKeys the API keys, as SHA-256 hashes only ({@code cardstatus.security.api-keys[N].*})
 * @param jwt the claims of an accepted JWT
 */
@ConfigurationProperties("cardstatus.security")
public record SecuritySettings(
        @DefaultValue List<ApiKey> apiKeys, @DefaultValue Jwt jwt) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The SHA-256 of no bytes: what {@code printf '%s' "$key" | sha256sum} gives when {@code $key} is unset. */
    static final String EMPTY_KEY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public SecuritySettings {
        apiKeys = List.copyOf(apiKeys);
        Set<String> hashes = new HashSet<>();
        for (ApiKey key : apiKeys) {
            if (!hashes.add(key.sha256())) {
                throw new IllegalArgumentException("API key '" + key.name() + "' has the same sha256 as another key");
            }
        }
    }

    /**
     * One API key: its {@code name} (what is recorded as the sender), {@code role}, the {@code partner} it speaks
     * for (role partner only), and the lowercase hex SHA-256 of the key's UTF-8 bytes.
     */
    public record ApiKey(String name, String role, String partner, String sha256) {

        public ApiKey {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every API key needs a name (cardstatus.security.api-keys[N].name)");
            }
            name = name.strip();
            if (name.startsWith("jwt:")) {
                throw new IllegalArgumentException("API key '" + name + "': a name starting with jwt: is how JWT "
                        + "callers are recorded; name the key otherwise");
            }
            Role parsed = Role.of(role);
            if (parsed == Role.PARTNER && (partner == null || partner.isBlank())) {
                throw new IllegalArgumentException("API key '" + name + "' has role partner but no partner");
            }
            if (parsed != Role.PARTNER && partner != null && !partner.isBlank()) {
                throw new IllegalArgumentException("API key '" + name + "' has a partner but role " + role
                        + "; only role partner speaks for a partner");
            }
            sha256 = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("API key '" + name + "': sha256 must be 64 hexadecimal characters "
                        + "(the SHA-256 of the key, e.g. printf '%s' \"$key\" | sha256sum), not the key itself");
            }
            if (sha256.equals(EMPTY_KEY_SHA256)) {
                throw new IllegalArgumentException(
                        "API key '" + name + "': sha256 is that of an empty key (e3b0c442…), "
                                + "which would let an empty X-API-Key header in; the key was probably unset when it was hashed: "
                                + "hash the key itself (printf '%s' \"$key\" | sha256sum)");
            }
            partner = parsed == Role.PARTNER ? partner.strip() : null;
        }

        Caller caller() {
            return new Caller(name, Set.of(Role.of(role)), partner);
        }
    }

    /**
     * The claims of a JWT that hold the caller's roles (a list of role names), partner and name.
     *
     * @param rolesClaim claim holding the caller's roles, a list of role names
     * @param partnerClaim claim holding the partner of a token with role {@code partner}
     * @param nameClaim claim recorded as the sender of uploads and events
     */
    public record Jwt(
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("partner") String partnerClaim,
            @DefaultValue("sub") String nameClaim) {}
}
