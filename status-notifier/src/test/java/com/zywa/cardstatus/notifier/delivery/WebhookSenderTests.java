package com.zywa.cardstatus.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zywa.cardstatus.notifier.subscription.Secrets;
import com.zywa.cardstatus.notifier.targets.HostResolver;
import com.zywa.cardstatus.notifier.targets.TargetPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP receiver on this machine (allowed here as local use, HTTP on loopback). */
class WebhookSenderTests {

    private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"msg_1\",\"data\":{}}";

    private final String secret = Secrets.generate();
    private final List<HttpExchange> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer receiver;

    @AfterEach
    void stop() {
        release.countDown();
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void postsTheBodyWithStandardWebhooksHeadersTheLibraryVerifies() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        URI url = receive(exchange -> {
            bodies.add(read(exchange));
            answer(exchange, 204, "");
        });

        AttemptResult result = sender(true).send(url, "msg_1", BODY, List.of(secret));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.outcome()).isEqualTo("delivered");
        HttpExchange exchange = received.get(0);
        assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(exchange.getRequestHeaders().getFirst("webhook-id")).isEqualTo("msg_1");
        assertThatCode(() -> new Webhook(secret).verify(bodies.get(0), exchange.getRequestHeaders()))
                .doesNotThrowAnyException();
    }

    @Test
    void recordsTheStatusAndTheStartOfTheAnswerOfAFailure() throws Exception {
        URI url = receive(exchange -> answer(exchange, 503, "down for maintenance\n" + "x".repeat(5000)));

        AttemptResult result = sender(true).send(url, "msg_1", BODY, List.of(secret));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.outcome()).isEqualTo("rejected");
        assertThat(result.statusCode()).isEqualTo(503);
        assertThat(result.responseExcerpt())
                .startsWith("down for maintenance\\nxxx")
                .hasSize(1025);
    }

    @Test
    void doesNotFollowARedirect() throws Exception {
        URI url = receive(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            answer(exchange, 302, "");
        });

        AttemptResult result = sender(true).send(url, "msg_1", BODY, List.of(secret));

        assertThat(result.statusCode()).isEqualTo(302);
        assertThat(result.error()).contains("redirects are not followed");
        assertThat(received).hasSize(1);
    }

    @Test
    void cutsOffAReceiverThatDoesNotAnswerWithinTheTimeout() throws Exception {
        URI url = receive(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        AttemptResult result = sender(true).send(url, "msg_1", BODY, List.of(secret));

        assertThat(result.statusCode()).isNull();
        assertThat(result.error()).isEqualTo("no answer within 500 ms");
        assertThat(result.latencyMs()).isBetween(400L, 5_000L);
        assertThat(result.outcome()).isEqualTo("unreachable");
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        URI url = receive(exchange -> answer(exchange, 204, ""));
        receiver.stop(0);

        AttemptResult result = sender(true).send(url, "msg_1", BODY, List.of(secret));

        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    void refusesAtDeliveryANameThatNowResolvesToAPrivateAddressWithoutConnecting() throws Exception {
        URI url = receive(exchange -> answer(exchange, 204, ""));
        HostResolver rebound = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        WebhookSender sender =
                new WebhookSender(new TargetPolicy(true, false, rebound), Duration.ofMillis(500), Clock.systemUTC());

        AttemptResult byName = sender.send(
                URI.create("http://hooks.example.com:" + url.getPort() + "/hooks"), "msg_1", BODY, List.of(secret));
        AttemptResult byAddress = sender.send(url, "msg_1", BODY, List.of(secret));

        assertThat(byName.error()).startsWith("target refused: hooks.example.com resolves to a loopback address");
        assertThat(byAddress.error()).startsWith("target refused:");
        assertThat(byAddress.outcome()).isEqualTo("refused");
        assertThat(received).as("nothing reached the receiver").isEmpty();
    }

    private WebhookSender sender(boolean allowPrivate) {
        return new WebhookSender(
                new TargetPolicy(true, allowPrivate, HostResolver.SYSTEM), Duration.ofMillis(500), Clock.systemUTC());
    }

    private URI receive(Consumer<HttpExchange> handler) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            received.add(exchange);
            handler.accept(exchange);
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    }

    private static String read(HttpExchange exchange) {
        try {
            return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, List<String>> unused() {
        return Map.of();
    }
}
