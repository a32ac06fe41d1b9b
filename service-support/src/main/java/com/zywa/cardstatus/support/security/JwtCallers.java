package com.zywa.cardstatus.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the {@link Caller} out of a verified JWT: roles from the configured roles claim (a list, or one
 * space-separated string) by their exact, namespaced names ({@code cardstatus.reader}...; any other name, "Reader"
 * included, is ignored), the partner and the name from their claims, the name recorded as {@code jwt:<name>} (by default
 * {@code jwt:<sub>}). A
 * partner role without a partner claim speaks for no one, so it is dropped.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt claims;

    JwtCallers(SecuritySettings.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names(jwt.getClaim(claims.rolesClaim()))
                .forEach(name -> Role.fromToken(name).ifPresent(roles::add));
        String partner = jwt.getClaimAsString(claims.partnerClaim());
        if (partner == null || partner.isBlank()) {
            roles.remove(Role.PARTNER);
            partner = null;
        }
        String name =
                Optional.ofNullable(jwt.getClaimAsString(claims.nameClaim())).orElse(jwt.getSubject());
        // "jwt:" + the name: recorded wherever the caller is (uploads' uploaded_by, events' source caller, logs), never
        // to be mistaken for an API key's name (which may not start with "jwt:")
        return new CallerAuthentication(new Caller(
                name == null ? "jwt:" : "jwt:" + name, roles, roles.contains(Role.PARTNER) ? partner.strip() : null));
    }

    private static List<String> names(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString().split("[\\s,]+"));
    }
}
