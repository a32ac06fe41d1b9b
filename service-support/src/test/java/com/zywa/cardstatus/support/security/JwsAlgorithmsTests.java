package com.zywa.cardstatus.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** A token is accepted only when signed with a pinned algorithm, also when the decoder comes from the issuer URI. */
class JwsAlgorithmsTests {

    @Test
    void refusesATokenOfTheIssuerSignedWithAnAlgorithmNotPinned() {
        try (TestIssuer issuer = TestIssuer.start()) {
            NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder =
                    NimbusJwtDecoder.withIssuerLocation(issuer.issuerUri());
            JwtBinding.pinAlgorithms(List.of("RS256")).customize(builder);
            JwtDecoder decoder = builder.build();

            assertThat(decoder.decode(issuer.token("svc", List.of("cardstatus.ops"), null))
                            .getSubject())
                    .isEqualTo("svc");
            assertThatThrownBy(() -> decoder.decode(
                            issuer.tokenSignedWith(JWSAlgorithm.RS512, "svc", List.of("cardstatus.ops"))))
                    .isInstanceOf(JwtException.class);
        }
    }

    @Test
    void refusesAnUnknownAlgorithmName() {
        assertThatThrownBy(() -> JwtBinding.pinAlgorithms(List.of("RS256", "none")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none");
    }
}
