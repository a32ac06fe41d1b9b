package com.zywa.cardstatus.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A real OpenID issuer for tests: an HTTP server on a free port serving its discovery document and JWK set, and
 * RS256 tokens signed with its key (or, to be refused, with a key it does not publish). Services under test point
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} at {@link #issuerUri()}.
 */
public final class TestIssuer implements AutoCloseable {

    /** The audience the services under test are configured with, and every token here carries unless told. */
    public static final String AUDIENCE = "cardstatus-test";

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;

    private TestIssuer(HttpServer server, RSAKey key, RSAKey foreignKey) {
        this.server = server;
        this.key = key;
        this.foreignKey = foreignKey;
    }

    public static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            RSAKey foreign = new RSAKeyGenerator(2048).keyID("test-key").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server, key, foreign);
            server.createContext(
                    "/.well-known/openid-configuration",
                    exchange -> issuer.answer(
                            exchange,
                            "{\"issuer\":\"" + issuer.issuerUri() + "\",\"jwks_uri\":\"" + issuer.issuerUri()
                                    + "/jwks\","
                                    + "\"subject_types_supported\":[\"public\"],"
                                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/jwks", exchange -> issuer.answer(exchange, new JWKSet(key).toString()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuerUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A token valid for five minutes for {@code subject}, with these roles and partner (null: no claim). */
    public String token(String subject, List<String> roles, String partner) {
        return sign(key, subject, roles, partner, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A valid token of this issuer, but for another application's {@code audience}. */
    public String tokenFor(String audience, String subject, List<String> roles) {
        return sign(key, subject, roles, null, audience, Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A valid token of this issuer and key, but signed with {@code algorithm} instead of RS256. */
    public String tokenSignedWith(JWSAlgorithm algorithm, String subject, List<String> roles) {
        return sign(
                key, algorithm, subject, roles, null, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A token that expired ten minutes ago, past any clock skew a verifier allows. */
    public String expiredToken(String subject, List<String> roles) {
        return sign(key, subject, roles, null, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)));
    }

    /** A token that looks right (same issuer, same key ID) but is signed by a key this issuer does not publish. */
    public String foreignToken(String subject, List<String> roles) {
        return sign(foreignKey, subject, roles, null, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)));
    }

    private String sign(
            RSAKey signingKey, String subject, List<String> roles, String partner, String audience, Instant expires) {
        return sign(signingKey, JWSAlgorithm.RS256, subject, roles, partner, audience, expires);
    }

    private String sign(
            RSAKey signingKey,
            JWSAlgorithm algorithm,
            String subject,
            List<String> roles,
            String partner,
            String audience,
            Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuerUri())
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(expires.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expires))
                .claim("roles", roles);
        if (partner != null) {
            claims.claim("partner", partner);
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
