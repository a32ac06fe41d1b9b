package com.zywa.cardstatus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freshness: single partner events published at a steady rate through {@code POST /events}; for each, the time
 * from the start of its publication until the status API answers with the new card.
 */
final class FreshnessBench {

    private static final Logger log = LoggerFactory.getLogger(FreshnessBench.class);
    private static final long PERIOD_MS = 50;

    private final Endpoints endpoints;
    private final int events;
    private final HttpClient http = HttpClient.newHttpClient();

    FreshnessBench(Endpoints endpoints, int events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    void run(Results results) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        Map<String, Long> pending = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicInteger published = new AtomicInteger();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        publisher.scheduleAtFixedRate(() -> publish(run, published, pending), 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(events * PERIOD_MS + 30_000);
        while ((published.get() < events || !pending.isEmpty()) && System.nanoTime() < deadline) {
            for (Map.Entry<String, Long> entry : pending.entrySet()) {
                if (visible(entry.getKey())) {
                    latencies.add(System.nanoTime() - entry.getValue());
                    pending.remove(entry.getKey());
                }
            }
            Thread.sleep(2);
        }
        publisher.shutdownNow();
        results.put("freshness_p50_ms", latencies.percentileMs(50));
        results.put("freshness_p99_ms", latencies.percentileMs(99));
        results.row("freshness (" + latencies.count() + " events at " + 1000 / PERIOD_MS + "/s)",
                String.format("p50 %.0f ms, p99 %.0f ms", latencies.percentileMs(50), latencies.percentileMs(99)), "");
        log.info("freshness: {} events seen, {} never seen", latencies.count(), pending.size());
    }

    private void publish(String run, AtomicInteger published, Map<String, Long> pending) {
        int n = published.get();
        if (n >= events) {
            return;
        }
        String card = "ZYF" + run + n;
        String body = "{\"type\":\"PICKED_UP\",\"card_id\":\"" + card + "\",\"occurred_at\":\"" + Instant.now() + "\"}";
        long start = System.nanoTime();
        try {
            http.send(HttpRequest.newBuilder(URI.create(endpoints.ingestUrl() + "/events"))
                    .header("Content-Type", "application/json").header("X-API-Key", endpoints.keys().partner())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            pending.put(card, start);
        } catch (Exception e) {
            log.warn("publishing {} failed: {}", card, e.getMessage());
        }
        published.incrementAndGet();
    }

    private boolean visible(String card) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoints.apiUrl() + "/get_card_status?card_id=" + card))
                    .header("X-API-Key", endpoints.keys().reader()).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
