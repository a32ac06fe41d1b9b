package com.zywa.cardstatus.ingest.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zywa.cardstatus.support.security.Caller;
import com.zywa.cardstatus.support.security.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The subscriptions page's calls against a stand-in for status-notifier: each goes to the notifier's own route with
 * the configured key (a pause naming who paused), the answer comes back unchanged but for any signing secret, and a
 * refused, missing or unreachable notifier is a clear error of this service.
 */
class NotifierProxyTests {

    private static final String KEY = "csk_console-ops";
    private static final UUID ID = UUID.fromString("6f1c2b9e-0d4a-4c1e-9a53-2f8e7b6d5c41");

    private HttpServer notifier;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> key = new AtomicReference<>();
    private final AtomicReference<String> answer = new AtomicReference<>("{\"subscriptions\":[]}");
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void startNotifier() throws IOException {
        notifier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notifier.createContext("/api/v1/subscriptions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI() + (body.isEmpty() ? "" : " " + body));
            key.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            byte[] bytes = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        notifier.start();
    }

    @AfterEach
    void stopNotifier() {
        notifier.stop(0);
    }

    @Test
    void eachCallGoesToTheNotifiersRouteWithTheConsolesKey() {
        NotifierProxy proxy = proxy(KEY);

        proxy.list();
        proxy.get(ID);
        proxy.pause(ID, new Caller("ops-alice", Set.of(Role.OPS), null));
        proxy.resume(ID);
        proxy.test(ID);
        proxy.redeliver(
                ID,
                new NotifierProxy.Range(Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T11:00:00Z")));

        String one = "/api/v1/subscriptions/" + ID;
        assertThat(calls)
                .containsExactly(
                        "GET /api/v1/subscriptions",
                        "GET " + one,
                        "POST " + one + "/pause {\"reason\":\"paused in the console by ops-alice\"}",
                        "POST " + one + "/resume",
                        "POST " + one + "/test",
                        "POST " + one
                                + "/redeliver {\"from\":\"2026-12-07T10:00:00Z\",\"to\":\"2026-12-07T11:00:00Z\"}");
        assertThat(key.get()).isEqualTo(KEY);
    }

    @Test
    void passesTheAnswerOnUnchangedButNeverASecret() {
        answer.set(
                "{\"subscriptions\":[{\"id\":\"" + ID + "\",\"url\":\"https://a.example/h\",\"secret\":\"whsec_abc\","
                        + "\"last_attempts\":[{\"response_excerpt\":\"secret\"}]}]}");

        ResponseEntity<?> listed = proxy(KEY).list();

        String body = new String((byte[]) listed.getBody(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("whsec_abc").doesNotContain("\"secret\":");
        assertThat(body).contains("\"url\":\"https://a.example/h\"", "\"response_excerpt\":\"secret\"");

        status.set(404);
        answer.set("{\"error\":\"not_found\",\"message\":\"no subscription " + ID + "\"}");
        ResponseEntity<?> missing = proxy(KEY).get(ID);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(new String((byte[]) missing.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(answer.get());
    }

    @Test
    void aRefusedKeyIsABadGatewayNamingTheSetting() {
        status.set(403);

        ResponseEntity<?> refused = proxy(KEY).list();

        assertThat(refused.getStatusCode().value()).isEqualTo(502);
        assertThat(refused.getBody().toString())
                .contains("notifier_refused", "cardstatus.ingest.console.notifier-key must be an ops key");
    }

    @Test
    void withoutAKeyOrANotifierThePageSaysWhatIsWrong() {
        ResponseEntity<?> unconfigured = proxy(null).list();
        assertThat(unconfigured.getStatusCode().value()).isEqualTo(503);
        assertThat(unconfigured.getBody().toString())
                .contains("notifier_not_configured", "cardstatus.ingest.console.notifier-key");
        assertThat(calls).isEmpty();

        notifier.stop(0);
        ResponseEntity<?> down = proxy(KEY).list();
        assertThat(down.getStatusCode().value()).isEqualTo(502);
        assertThat(down.getBody().toString()).contains("status_notifier_unavailable");
    }

    private NotifierProxy proxy(String opsKey) {
        URI url = URI.create("http://127.0.0.1:" + notifier.getAddress().getPort());
        return new NotifierProxy(new ConsoleSettings(URI.create("http://127.0.0.1:9"), null, url, opsKey, 10));
    }
}
