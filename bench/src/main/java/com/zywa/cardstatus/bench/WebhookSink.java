package com.zywa.cardstatus.bench;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zywa.cardstatus.contract.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notifier phase's webhook receiver on this machine: answers 204 at once, verifies every signature with the
 * Standard Webhooks library (a webhook that does not verify is counted, not trusted) and remembers when the first
 * webhook about each card arrived.
 */
final class WebhookSink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger unverified = new AtomicInteger();
    private volatile Webhook verifier;

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(threads);
        server.createContext("/hooks", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void trust(String secret) {
        verifier = new Webhook(secret);
    }

    int received() {
        return received.get();
    }

    int unverified() {
        return unverified.get();
    }

    /** When (System.nanoTime) the first webhook about {@code card} arrived, or null. */
    Long arrival(String card) {
        return firstArrival.get(card);
    }

    private void receive(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            verifier.verify(text, exchange.getRequestHeaders());
        } catch (WebhookVerificationException | RuntimeException e) {
            unverified.incrementAndGet();
        }
        firstArrival.putIfAbsent(Json.MAPPER.readTree(body).path("subject").asString(), now);
        received.incrementAndGet();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
