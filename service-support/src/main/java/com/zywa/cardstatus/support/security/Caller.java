package com.zywa.cardstatus.support.security;

import java.util.Set;

/**
 * Who is calling, as the controllers see it ({@code @AuthenticationPrincipal Caller}): the name recorded as the
 * sender of what it sends (an API key's name or a token's name claim, never the key), its roles, and for role
 * {@code partner} the one partner it speaks for.
 */
public record Caller(String name, Set<Role> roles, String partner) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Whether this caller may act for {@code requested} partner: only a partner caller, and only for its own. */
    public boolean speaksFor(String requested) {
        return roles.contains(Role.PARTNER) && partner != null && partner.equals(requested);
    }
}
