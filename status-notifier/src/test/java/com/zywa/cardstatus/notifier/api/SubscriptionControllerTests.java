package com.zywa.cardstatus.notifier.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.zywa.cardstatus.notifier.NotifierAccess;
import com.zywa.cardstatus.notifier.delivery.Attempt;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The subscriptions API as a web slice: the real controller, error mapping and access rules, the service mocked, so
 * every answer, error body and who may call is checked in milliseconds.
 */
@WebMvcTest(SubscriptionController.class)
@Import({SubscriptionErrors.class, NotifierAccess.class})
class SubscriptionControllerTests {

    private static final UUID ID = UUID.fromString("7d9f4c1e-0000-4000-8000-000000000001");
    private static final Instant CREATED = Instant.parse("2024-03-01T10:00:00Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private SubscriptionService service;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void createsASubscriptionAnswering201WithItsSecretOnce() {
        given(service.create(any(), eq("ops-test"))).willReturn(view("active").withSecret("whsec_c2VjcmV0"));

        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/subscriptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"url":"https://app.example.com/hooks","statuses":["DELIVERED"],
                                 "action_required":["CONTACT_CARDHOLDER"],"stalled":true,"include_phone":true}"""))
                .hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/v1/subscriptions/" + ID)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"id":"%s","url":"https://app.example.com/hooks","statuses":["DELIVERED"],
                         "state":"active","include_phone":false,"secret":"whsec_c2VjcmV0","backlog":0,
                         "created_by":"ops-test","created_at":"2024-03-01T10:00:00Z"}""".formatted(ID));
        verify(service)
                .create(
                        eq(new SubscriptionRequest(
                                "https://app.example.com/hooks",
                                List.of("DELIVERED"),
                                null,
                                null,
                                List.of("CONTACT_CARDHOLDER"),
                                true,
                                true)),
                        eq("ops-test"));
    }

    @Test
    void answersAnInvalidSubscriptionWith400SayingWhy() {
        given(service.create(any(), any()))
                .willThrow(SubscriptionException.invalid(
                        "target_refused", "127.0.0.1 resolves to a loopback address (127.0.0.1)"));

        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/subscriptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://127.0.0.1/hooks\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"error":"target_refused","message":"127.0.0.1 resolves to a loopback address (127.0.0.1)"}""");
    }

    @Test
    void answersABodyThatIsNotJsonWith400() {
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/subscriptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": "))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("invalid_json");
        verifyNoInteractions(service);
    }

    @Test
    void showsOneSubscriptionWithItsLastAttemptsAndAnswers404ForAnUnknownOne() {
        given(service.get(ID))
                .willReturn(view("paused")
                        .withAttempts(List.of(new Attempt("msg_1", CREATED, 503, 120, "answered 503", "down\\n"))));
        UUID unknown = UUID.randomUUID();
        given(service.get(unknown)).willThrow(SubscriptionException.notFound(unknown));

        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/subscriptions/" + ID))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"state":"paused","last_attempts":[{"webhook_id":"msg_1","status_code":503,
                         "latency_ms":120,"error":"answered 503","response_excerpt":"down\\\\n"}]}""");
        assertThat(mvc.get().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/subscriptions/" + unknown))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.error")
                .isEqualTo("not_found");
    }

    @Test
    void pausesResumesRotatesTestsRedeliversAndDeletes() {
        given(service.pause(ID, "receiver migration")).willReturn(view("paused"));
        given(service.resume(ID)).willReturn(view("active"));
        given(service.rotate(ID)).willReturn(view("active").withSecret("whsec_bmV3"));
        given(service.test(ID)).willReturn(new Attempt("msg_test_1", CREATED, 204, 8, null, null));
        given(service.redeliver(eq(ID), any())).willReturn(12);

        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/subscriptions/" + ID + "/pause")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"receiver migration\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("paused");
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/subscriptions/" + ID + "/resume"))
                .hasStatusOk();
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/subscriptions/" + ID + "/rotate-secret"))
                .bodyJson()
                .extractingPath("$.secret")
                .isEqualTo("whsec_bmV3");
        assertThat(mvc.post().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/subscriptions/" + ID + "/test"))
                .bodyJson()
                .extractingPath("$.status_code")
                .isEqualTo(204);
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .uri("/api/v1/subscriptions/" + ID + "/redeliver")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2024-03-01T00:00:00Z\",\"to\":\"2024-03-02T00:00:00Z\"}"))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.requeued")
                .isEqualTo(12);
        verify(service)
                .redeliver(
                        ID,
                        new RedeliveryRequest(
                                Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-02T00:00:00Z")));
        assertThat(mvc.delete().header("X-API-Key", TestCredentials.OPS_KEY).uri("/api/v1/subscriptions/" + ID))
                .hasStatus(HttpStatus.NO_CONTENT);
        verify(service).delete(ID);
    }

    @Test
    void letsOnlyOpsManageSubscriptions() {
        for (String key :
                List.of(TestCredentials.READER_KEY, TestCredentials.PARTNER_KEY, TestCredentials.METRICS_KEY)) {
            assertThat(mvc.get().header("X-API-Key", key).uri("/api/v1/subscriptions"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/api/v1/subscriptions")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .header("X-API-Key", TestCredentials.READER_KEY)
                        .uri("/api/v1/subscriptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://app.example.com/hooks\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verifyNoInteractions(service);
    }

    private static SubscriptionView view(String state) {
        return new SubscriptionView(
                ID,
                "https://app.example.com/hooks",
                List.of("DELIVERED"),
                List.of(),
                List.of(),
                List.of(),
                null,
                false,
                state,
                state.equals("paused") ? CREATED : null,
                state.equals("paused") ? "paused by ops" : null,
                CREATED,
                "ops-test",
                null,
                0,
                null,
                null,
                null);
    }
}
