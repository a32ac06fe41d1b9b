package com.zywa.cardstatus.bench;

import com.zywa.cardstatus.contract.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The status-notifier's phase: a subscription to a receiver in this process ({@link WebhookSink}). Freshness: single
 * partner events, each for a new card, from the start of its {@code POST /events} until its webhook arrived. Rate and
 * CPU: with the subscription paused, {@code events} events are published and enqueued (the intake), then it is
 * resumed and the backlog delivered; the rate is deliveries per second of that delivery, the CPU the notifier's own
 * (intake and delivery) per 1,000 webhooks. A smaller backlog goes first, untimed, so the JIT has compiled the path.
 */
final class NotifierBench {

    private static final Logger log = LoggerFactory.getLogger(NotifierBench.class);
    private static final int UNTIMED_EVENTS = 50;
    private static final int TIMED_EVENTS = 200;
    private static final long PERIOD_MS = 50;
    private static final int EVENTS_PER_REQUEST = 1_000;
    private static final int WARMUP_EVENTS = 3_000;
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final Endpoints endpoints;
    private final int events;
    private final HttpClient http = HttpClient.newHttpClient();

    NotifierBench(Endpoints endpoints, int events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    void run(Results results) throws Exception {
        try (WebhookSink sink = new WebhookSink()) {
            JsonNode created = call("POST", "/api/v1/subscriptions", "{\"url\":\"" + sink.url() + "\"}");
            String subscription = "/api/v1/subscriptions/" + created.get("id").asString();
            sink.trust(created.get("secret").asString());
            try {
                String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36)
                        .toUpperCase(Locale.ROOT);
                freshness(sink, "ZYHW" + run + "-", UNTIMED_EVENTS);
                Latencies freshness = freshness(sink, "ZYHF" + run + "-", TIMED_EVENTS);
                results.put("webhook_freshness_p99_ms", freshness.percentileMs(99));
                results.row(
                        "webhook freshness (" + freshness.count() + " events at " + 1000 / PERIOD_MS + "/s)",
                        String.format(
                                Locale.ROOT,
                                "p50 %.0f ms, p99 %.0f ms",
                                freshness.percentileMs(50),
                                freshness.percentileMs(99)),
                        "POST /events -> webhook received");
                // the delivery path's first thousands of webhooks run cold (the JIT compiles it): untimed
                backlog(sink, subscription, "ZYHU" + run + "-", Math.min(events, WARMUP_EVENTS));
                throughput(sink, subscription, "ZYHT" + run + "-", results);
                if (sink.unverified() > 0) {
                    log.warn("{} webhooks did not verify", sink.unverified());
                }
            } finally {
                call("DELETE", subscription, null);
            }
        }
    }

    private Latencies freshness(WebhookSink sink, String prefix, int count) throws Exception {
        List<Long> started = new ArrayList<>();
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            started.add(System.nanoTime());
            publish(List.of(prefix + i));
            next += PERIOD_MS * 1_000_000;
        }
        await(() -> sink.arrival(prefix + (count - 1)) != null, "the last freshness webhook");
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            Long arrival = sink.arrival(prefix + i);
            if (arrival != null) {
                latencies.add(arrival - started.get(i));
            }
        }
        return latencies;
    }

    private void throughput(WebhookSink sink, String subscription, String prefix, Results results) throws Exception {
        long[] measured = backlog(sink, subscription, prefix, events);
        double intake = measured[0] / CpuProbe.TICKS_PER_SECOND;
        double delivery = measured[1] / CpuProbe.TICKS_PER_SECOND;
        double seconds = measured[2] / 1e9;
        results.put("webhook_deliveries_per_s", events / seconds);
        results.put("webhook_cpu_s_per_1k", (intake + delivery) * 1000 / events);
        results.row(
                "webhooks delivered (" + events + ", backlog)",
                String.format(Locale.ROOT, "%.0f /s", events / seconds),
                "one subscription, receiver in the bench");
        results.row(
                "  notifier CPU per 1,000 webhooks",
                String.format(Locale.ROOT, "%.2f s", (intake + delivery) * 1000 / events),
                String.format(
                        Locale.ROOT,
                        "intake %.2f s, delivery %.2f s",
                        intake * 1000 / events,
                        delivery * 1000 / events));
    }

    /**
     * {@code count} events enqueued while the subscription is paused, then delivered on resume: the notifier's CPU
     * ticks while enqueueing and while delivering, and the nanoseconds the delivery took.
     */
    private long[] backlog(WebhookSink sink, String subscription, String prefix, int count) throws Exception {
        call("POST", subscription + "/pause", "{\"reason\":\"bench\"}");
        long cpuBefore = notifierTicks();
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cards.add(prefix + i);
            if (cards.size() == EVENTS_PER_REQUEST || i == count - 1) {
                publish(cards);
                cards = new ArrayList<>();
            }
        }
        await(() -> call("GET", subscription, null).get("backlog").asLong() >= count, "the backlog");
        long cpuEnqueued = notifierTicks();
        int before = sink.received();
        long start = System.nanoTime();
        call("POST", subscription + "/resume", "{}");
        await(() -> sink.received() - before >= count, "the backlog's delivery");
        long nanos = System.nanoTime() - start;
        return new long[] {cpuEnqueued - cpuBefore, notifierTicks() - cpuEnqueued, nanos};
    }

    private long notifierTicks() throws IOException {
        return CpuProbe.pids(endpoints.pidDir(), "status-notifier").stream()
                .mapToLong(CpuProbe::processTicks)
                .sum();
    }

    /** One PICKED_UP event for each of {@code cards}, in one request. */
    private void publish(List<String> cards) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("[");
        for (String card : cards) {
            body.append(body.length() > 1 ? "," : "")
                    .append("{\"type\":\"PICKED_UP\",\"card_id\":\"")
                    .append(card)
                    .append("\",\"occurred_at\":\"2024-03-01T08:00:00Z\"}");
        }
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(endpoints.ingestUrl() + "/events"))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", endpoints.keys().partner())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                body.append(']').toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST /events answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private JsonNode call(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.notifierUrl() + path))
                    .header("X-API-Key", endpoints.keys().ops())
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not come within " + GIVE_UP);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}
