package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.zywa.cardstatus.support.security.TestCredentials;
import com.zywa.cardstatus.support.security.TestIssuer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Who may call what (docs/security.md), on the three running services: every endpoint against every kind of caller,
 * API keys and JWTs from a real issuer, each cell the status the caller gets. An allowed call is made so that the
 * service answers without changing anything (an upload without a file, an empty batch of events, unknown IDs), so
 * the status shows that the request got past access control.
 */
@ExtendWith(PipelineExtension.class)
class AccessControlIntegrationTests {

    /** The callers, in the order of the matrix columns. */
    private static final List<String> CALLERS = List.of(
            "anonymous",
            "reader",
            "ops",
            "partner",
            "other-partner",
            "metrics",
            "jwt-ops",
            "jwt-partner",
            "jwt-generic",
            "unknown-key",
            "expired-jwt",
            "foreign-jwt",
            "other-aud-jwt",
            "rs512-jwt",
            "key-and-jwt");

    // jwt-generic: a valid token of our issuer whose roles are not our namespaced names ("Reader", "ops"): no role
    // other-aud-jwt: an ops token of our issuer for another application's audience, refused (401) everywhere
    // rs512-jwt: an ops token of our issuer and key, but signed RS512 (not pinned): 401 everywhere
    // key-and-jwt: an ops key and an ops token together, refused (400) whatever each would be alone
    // service method path                             anon read ops part other metr jOps jPart gen  unkn expd forgn
    // both
    private static final String MATRIX = """
            api  GET  /get_card_status?card_id=NOPE0       401  404  404  403  403  403  404  403  403  401  401  401  401  401  400
            api  GET  /api/v1/cards/NOPE0                  401  404  404  403  403  403  404  403  403  401  401  401  401  401  400
            api  GET  /api/v1/cards?phone=0500000009       401  200  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  GET  /api/v1/cards?stalled=true&limit=1   401  200  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  GET  /api/v1/card-counts                  401  200  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  GET  /api/v1/lookup-audit?limit=1         401  403  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  GET  /v3/api-docs                         401  200  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  GET  /v3/api-docs.yaml                    401  200  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  GET  /api/v1/projection/rebuilds          401  403  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  POST /api/v1/projection/rebuilds/999999/cancel  401  403  404  403  403  403  404  403  403  401  401  401  401  401  400
            api  GET  /api/v1/quarantine                   401  403  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  POST /api/v1/erasures                     401  403  400  403  403  403  400  403  403  401  401  401  401  401  400
            api  GET  /api/v1/erasures?limit=1             401  403  200  403  403  403  200  403  403  401  401  401  401  401  400
            api  GET  /api/v1/erasures/6f1d1a56-0000-4000-8000-0000000000a1  401  403  404  403  403  403  404  403  403  401  401  401  401  401  400
            api  GET  /no/such/path                        401  404  404  404  404  404  404  404  404  401  401  401  401  401  400
            api  GET  /actuator/health                     401  403  403  403  403  200  403  403  403  401  401  401  401  401  400
            api  GET  /actuator/info                       401  403  403  403  403  200  403  403  403  401  401  401  401  401  400
            api  GET  /actuator/health/liveness            200  200  200  200  200  200  200  200  200  401  401  401  401  401  400
            api  GET  /actuator/health/readiness           200  200  200  200  200  200  200  200  200  401  401  401  401  401  400
            ing  POST /uploads                             401  403  400  403  403  403  400  403  403  401  401  401  401  401  400
            ing  GET  /uploads                             401  403  200  403  403  403  200  403  403  401  401  401  401  401  400
            ing  GET  /uploads/6f1d1a56-0000-4000-8000-0000000000a1  401  403  404  403  403  403  404  403  403  401  401  401  401  401  400
            ing  POST /events                              401  403  403  400  400  403  403  400  403  401  401  401  401  401  400
            ing  POST /events?partner=default              401  403  403  400  403  403  403  400  403  401  401  401  401  401  400
            ing  POST /events?partner=fastcourier          401  403  403  403  400  403  403  403  403  401  401  401  401  401  400
            ing  POST /api/v1/quarantine/NOPE0/6f1d1a56-0000-4000-8000-0000000000a1/discard  401  403  202  403  403  403  202  403  403  401  401  401  401  401  400
            ing  GET  /v3/api-docs                         401  403  200  200  200  403  200  200  403  401  401  401  401  401  400
            ing  GET  /v3/api-docs.yaml                    401  403  200  200  200  403  200  200  403  401  401  401  401  401  400
            ing  GET  /actuator/health                     401  403  403  403  403  200  403  403  403  401  401  401  401  401  400
            ing  GET  /actuator/health/liveness            200  200  200  200  200  200  200  200  200  401  401  401  401  401  400
            ntf  GET  /api/v1/subscriptions                401  403  200  403  403  403  200  403  403  401  401  401  401  401  400
            ntf  GET  /v3/api-docs.yaml                    401  403  200  403  403  403  200  403  403  401  401  401  401  401  400
            proc GET  /actuator/health                     401  403  403  403  403  200  403  403  403  401  401  401  401  401  400
            proc GET  /actuator/health/readiness           200  200  200  200  200  200  200  200  200  401  401  401  401  401  400
            proc GET  /anything                            401  404  404  404  404  404  404  404  404  401  401  401  401  401  400
            """;

    private Pipeline pipeline;
    private PipelineClient client;
    private Map<String, Map<String, String>> credentials;

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.client = new PipelineClient(pipeline);
        TestIssuer issuer = pipeline.issuer();
        credentials = new LinkedHashMap<>();
        credentials.put("anonymous", Map.of());
        credentials.put("reader", key(TestCredentials.READER_KEY));
        credentials.put("ops", key(TestCredentials.OPS_KEY));
        credentials.put("partner", key(TestCredentials.PARTNER_KEY));
        credentials.put("other-partner", key(TestCredentials.FASTCOURIER_KEY));
        credentials.put("metrics", key(TestCredentials.METRICS_KEY));
        credentials.put("jwt-ops", bearer(issuer.token("svc-ops", List.of("cardstatus.ops"), null)));
        credentials.put("jwt-partner", bearer(issuer.token("courier-feed", List.of("cardstatus.partner"), "default")));
        credentials.put(
                "jwt-generic",
                bearer(issuer.token("svc-other-app", List.of("Reader", "ops", "Cardstatus.Reader"), null)));
        credentials.put("unknown-key", key(TestCredentials.UNKNOWN_KEY));
        credentials.put("expired-jwt", bearer(issuer.expiredToken("svc-ops", List.of("cardstatus.ops"))));
        credentials.put("foreign-jwt", bearer(issuer.foreignToken("svc-ops", List.of("cardstatus.ops"))));
        credentials.put("other-aud-jwt", bearer(issuer.tokenFor("another-app", "svc-ops", List.of("cardstatus.ops"))));
        credentials.put(
                "rs512-jwt", bearer(issuer.tokenSignedWith(JWSAlgorithm.RS512, "svc-ops", List.of("cardstatus.ops"))));
        credentials.put(
                "key-and-jwt",
                Map.of(
                        "X-API-Key",
                        TestCredentials.OPS_KEY,
                        "Authorization",
                        "Bearer " + issuer.token("svc-ops", List.of("cardstatus.ops"), null)));
    }

    @Test
    void everyCallerGetsExactlyWhatItsRoleAllowsOnEveryEndpoint() {
        SoftAssertions softly = new SoftAssertions();
        for (String line : MATRIX.strip().lines().toList()) {
            String[] cells = line.strip().split("\\s+");
            String url = base(cells[0]) + cells[2];
            for (int column = 0; column < CALLERS.size(); column++) {
                String caller = CALLERS.get(column);
                int expected = Integer.parseInt(cells[3 + column]);
                PipelineClient.Answer answer = call(HttpMethod.valueOf(cells[1]), url, credentials.get(caller));
                softly.assertThat(answer.status())
                        .as("%s %s %s by %s", cells[0], cells[1], cells[2], caller)
                        .isEqualTo(expected);
                if (caller.equals("key-and-jwt")) {
                    softly.assertThat(answer.body().get("error").asString())
                            .as("%s body", line)
                            .isEqualTo("invalid_request");
                } else if (expected == 401 || expected == 403) {
                    softly.assertThat(answer.body().get("error").asString())
                            .as("%s body", line)
                            .isEqualTo(expected == 401 ? "unauthorized" : "forbidden");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aRefusedCallerLearnsNothingAndIsToldHowToAuthenticate() {
        List<PipelineClient.Answer> refused = new ArrayList<>();
        for (String caller :
                List.of("anonymous", "unknown-key", "expired-jwt", "foreign-jwt", "other-aud-jwt", "rs512-jwt")) {
            refused.add(client.send(
                    HttpMethod.GET,
                    pipeline.apiUrl() + "/get_card_status?card_id=NOPE0",
                    credentials.get(caller),
                    null,
                    null));
        }

        assertThat(refused)
                .extracting(PipelineClient.Answer::body)
                .containsOnly(refused.get(0).body());
        assertThat(refused.get(0).body().get("message").asString())
                .contains("X-API-Key")
                .doesNotContain("NOPE0");
        assertThat(client.headers(HttpMethod.GET, pipeline.apiUrl() + "/api/v1/cards/NOPE0")
                        .get("WWW-Authenticate"))
                .singleElement()
                .asString()
                .contains("Bearer")
                .contains("X-API-Key");
    }

    @Test
    void showsHealthDetailsToMetricsOnlyAndKeepsTheProbesOpen() {
        for (String url : List.of(pipeline.apiUrl(), pipeline.ingestUrl(), pipeline.processorUrl())) {
            PipelineClient.Answer probe =
                    client.send(HttpMethod.GET, url + "/actuator/health/readiness", Map.of(), null, null);
            PipelineClient.Answer details =
                    client.send(HttpMethod.GET, url + "/actuator/health", key(TestCredentials.METRICS_KEY), null, null);

            assertThat(probe.body().get("status").asString()).as(url).isEqualTo("UP");
            assertThat(probe.body().has("components"))
                    .as(url + " readiness, anonymous")
                    .isFalse();
            assertThat(details.body().get("components").has("db"))
                    .as(url + " health, metrics")
                    .isTrue();
        }
    }

    private PipelineClient.Answer call(HttpMethod method, String url, Map<String, String> headers) {
        if (method == HttpMethod.POST && url.contains("/uploads")) {
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("kind", "pickup");
            return client.send(method, url, headers, MediaType.MULTIPART_FORM_DATA, form);
        }
        if (method == HttpMethod.POST) {
            return client.send(method, url, headers, MediaType.APPLICATION_JSON, "[]");
        }
        return client.send(method, url, headers, null, null);
    }

    private String base(String service) {
        return switch (service) {
            case "api" -> pipeline.apiUrl();
            case "ing" -> pipeline.ingestUrl();
            case "proc" -> pipeline.processorUrl();
            case "ntf" -> pipeline.notifierUrl();
            default -> throw new IllegalArgumentException(service);
        };
    }

    private static Map<String, String> key(String apiKey) {
        return Map.of("X-API-Key", apiKey);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
