package com.zywa.cardstatus.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token's claims become a caller: roles from a list or a string, a partner only with its claim. */
class JwtCallersTests {

    private final JwtCallers callers = new JwtCallers(new SecuritySettings.Jwt("groups", "courier", "email"));

    @Test
    void readsRolesPartnerAndNameFromTheConfiguredClaims() {
        Caller caller = caller(Map.of(
                "groups",
                List.of("cardstatus.partner", "cardstatus.reader", "admin"),
                "courier",
                "fastcourier",
                "email",
                "feed@courier.example"));

        assertThat(caller)
                .isEqualTo(new Caller("jwt:feed@courier.example", Set.of(Role.PARTNER, Role.READER), "fastcourier"));
    }

    @Test
    void readsRolesFromOneStringAndFallsBackToTheSubject() {
        assertThat(caller(Map.of("groups", "cardstatus.ops cardstatus.metrics")))
                .isEqualTo(new Caller("jwt:svc-1", Set.of(Role.OPS, Role.METRICS), null));
    }

    @Test
    void dropsThePartnerRoleWithoutAPartnerClaim() {
        assertThat(caller(Map.of("groups", List.of("cardstatus.partner"))).roles())
                .isEmpty();
    }

    @Test
    void ignoresGenericOrDifferentlyCasedRoleNames() {
        assertThat(caller(Map.of("groups", List.of("Reader", "reader", "ops", "Cardstatus.Ops", "cardstatus.OPS")))
                        .roles())
                .isEmpty();
    }

    private Caller caller(Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("svc-1")
                .claims(all -> all.putAll(claims))
                .issuedAt(Instant.now())
                .build();
        return (Caller) callers.convert(jwt).getPrincipal();
    }
}
