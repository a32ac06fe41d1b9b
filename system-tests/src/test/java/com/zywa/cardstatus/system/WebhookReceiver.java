package com.zywa.cardstatus.system;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zywa.cardstatus.contract.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver as a client would run one, on this machine (JDK {@code HttpServer}): it verifies every request
 * with the Standard Webhooks library against each secret it was given, and records what came; it can answer with
 * another status, hang, or be down (stopped, then started again on the same port).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request received: its webhook-id, parsed CloudEvent, which of the secrets verified it, and when. */
    record Received(String webhookId, JsonNode event, List<Boolean> verifiedBy, int signatures, Instant at) {

        String card() {
            return event.get("subject").asString();
        }

        String status() {
            return event.get("data").get("status").asString();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final int port;
    private volatile int status = 204;
    private volatile boolean hanging;
    private HttpServer server;

    private WebhookReceiver(int port) throws IOException {
        this.port = port;
        start();
    }

    static WebhookReceiver start(int port) throws IOException {
        return new WebhookReceiver(port);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    int port() {
        return port;
    }

    /** Verify what arrives with {@code secret} too (the subscription's, once it is known). */
    void trust(String secret) {
        secrets.add(secret);
    }

    void answer(int status) {
        this.status = status;
    }

    /** Holds every request without answering until closed. */
    void hang() {
        hanging = true;
    }

    /** Down: connections are refused until {@link #start()}. */
    void stop() {
        server.stop(0);
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hooks", this::receive);
        server.start();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** What arrived about {@code card}, in arrival order. */
    List<Received> about(String card) {
        return received.stream().filter(r -> card.equals(r.card())).toList();
    }

    /** The distinct webhooks about each of {@code cards} (a repeat has the same id), their statuses in order. */
    Map<String, List<String>> statusesByCard(List<String> cards) {
        Map<String, List<String>> statuses = new LinkedHashMap<>();
        for (String card : cards) {
            List<String> ids = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            for (Received r : about(card)) {
                if (!ids.contains(r.webhookId())) {
                    ids.add(r.webhookId());
                    seen.add(r.status());
                }
            }
            statuses.put(card, seen);
        }
        return statuses;
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<Boolean> verified = new ArrayList<>();
        for (String secret : secrets) {
            verified.add(verifies(secret, body, exchange));
        }
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        received.add(new Received(
                exchange.getRequestHeaders().getFirst("webhook-id"),
                Json.MAPPER.readTree(body),
                verified,
                signature == null ? 0 : signature.split(" ").length,
                Instant.now()));
        if (hanging) {
            try {
                released.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static boolean verifies(String secret, String body, HttpExchange exchange) {
        try {
            new Webhook(secret).verify(body, exchange.getRequestHeaders());
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
