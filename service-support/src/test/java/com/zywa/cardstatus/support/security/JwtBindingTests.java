package com.zywa.cardstatus.support.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** With JWT on, a service starts only with an issuer and an audience, so no other application's token is ours. */
class JwtBindingTests {

    private static final String P = JwtBinding.PREFIX;

    @Test
    void startsWithAnIssuerAndAnAudience() {
        assertThatCode(() -> check(Map.of(P + ".issuer-uri", "https://id.example.com", P + ".audiences", "cardstatus")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAJwkSetUriWithoutIssuerOrAudience() {
        assertThatThrownBy(() -> check(Map.of(P + ".jwk-set-uri", "https://id.example.com/jwks")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(P + ".issuer-uri")
                .hasMessageContaining(P + ".audiences");
    }

    @Test
    void refusesAnIssuerWithoutAudience() {
        assertThatThrownBy(() -> check(Map.of(P + ".issuer-uri", "https://id.example.com", P + ".audiences", " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(P + ".audiences")
                .hasMessageNotContaining(P + ".issuer-uri");
    }

    private static void check(Map<String, String> properties) {
        JwtBinding.requireIssuerAndAudience(new Binder(new MapConfigurationPropertySource(properties)));
    }
}
