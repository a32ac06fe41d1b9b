package com.zywa.cardstatus.support.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * Binds the JWTs a service accepts to this service (docs/security.md, "JWT"): with JWT on, Spring's resource server
 * must be told the issuer ({@code iss}, checked even when the keys come from {@code jwk-set-uri}) and the audience
 * ({@code aud} must contain it). Without both, a token the same identity provider issued for another application
 * would be accepted, so the service refuses to start.
 */
final class JwtBinding {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt";

    private JwtBinding() {}

    /** Throws, naming what is missing, unless an issuer and at least one audience are configured. */
    static void requireIssuerAndAudience(Binder binder) {
        String issuer = binder.bind(PREFIX + ".issuer-uri", String.class).orElse("");
        List<String> audiences = binder.bind(PREFIX + ".audiences", Bindable.listOf(String.class))
                .orElse(List.of());
        List<String> missing = new ArrayList<>();
        if (issuer.isBlank()) {
            missing.add(PREFIX + ".issuer-uri (the issuer every token's iss must name)");
        }
        if (audiences.stream().allMatch(String::isBlank)) {
            missing.add(PREFIX + ".audiences (what every token's aud must contain, e.g. cardstatus)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("JWT is on, but " + String.join(" and ", missing) + " is not set: "
                    + "without both, a token the identity provider issued for another application would be "
                    + "accepted (docs/security.md)");
        }
    }

    /**
     * Pins the algorithms a token may be signed with ({@code jws-algorithms}, Spring's default RS256) on the decoder
     * of the issuer URI as well as of the JWK set URI: without it, the issuer-URI decoder takes any algorithm its
     * published keys allow.
     */
    static JwkSetUriJwtDecoderBuilderCustomizer pinAlgorithms(List<String> names) {
        Set<SignatureAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.strip());
            if (algorithm == null) {
                throw new IllegalStateException(PREFIX + ".jws-algorithms: '" + name + "' is not a signature "
                        + "algorithm (RS256, ES256, PS256…)");
            }
            algorithms.add(algorithm);
        }
        if (algorithms.isEmpty()) {
            throw new IllegalStateException(PREFIX + ".jws-algorithms is empty");
        }
        return builder -> builder.jwsAlgorithms(pinned -> {
            pinned.clear();
            pinned.addAll(algorithms);
        });
    }
}
