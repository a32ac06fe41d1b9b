package com.zywa.cardstatus.support.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a caller may do (contract: docs/security.md): {@code reader} looks statuses up, {@code ops} uploads and all a
 * reader may, {@code partner} sends events for one partner, {@code metrics} reads the actuator.
 */
public enum Role {
    READER,
    OPS,
    PARTNER,
    METRICS;

    /** The Spring Security authority of this role, {@code ROLE_READER} and so on. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role written as in configuration ({@code reader}, {@code ops}...), if it is one. */
    public static Optional<Role> find(String name) {
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    /**
     * The role's name in a JWT's roles claim: {@code cardstatus.reader}, {@code cardstatus.ops}... Namespaced, so a
     * generic role another application's token carries ("Reader", "admin") is none of ours.
     */
    public String tokenName() {
        return "cardstatus." + name().toLowerCase(Locale.ROOT);
    }

    /** The role a JWT names exactly (case-sensitive, namespaced: {@link #tokenName()}), if it is one. */
    public static Optional<Role> fromToken(String name) {
        return Arrays.stream(values())
                .filter(role -> role.tokenName().equals(name))
                .findFirst();
    }

    static Role of(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException("role '" + name + "' is not one of "
                        + Arrays.stream(values())
                                .map(role -> role.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}
