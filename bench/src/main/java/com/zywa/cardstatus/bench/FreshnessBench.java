package com.zywa.cardstatus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freshness: single partner events published at a steady rate through {@code POST /events}; for each, the time
 * from the start of its publication until the status API answers with the new card, and on the way there until
 * ingest answered (the event is committed to Kafka) and until the projection wrote the card's row (its
 * {@code updated_at}, PostgreSQL's clock on the same machine), so a slow tail shows which stage it comes from.
 * Each event is polled on its own, every {@value #POLL_MS} ms, so one slow answer does not delay the others'
 * measurement; the first {@value #UNTIMED_EVENTS} events are not timed (the first 404s, {@code POST /events} and
 * the bench's own HTTP client run cold).
 */
final class FreshnessBench {

    private static final Logger log = LoggerFactory.getLogger(FreshnessBench.class);
    private static final long PERIOD_MS = 50;
    private static final long POLL_MS = 10;
    private static final int UNTIMED_EVENTS = 100;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Endpoints endpoints;
    private final int events;
    private final HttpClient http = HttpClient.newHttpClient();

    FreshnessBench(Endpoints endpoints, int events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    void run(Results results) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        measure("ZYW" + run, UNTIMED_EVENTS);
        Measured measured = measure("ZYF" + run, events);
        Latencies projected = projected(measured.startedAt);
        results.put("freshness_p50_ms", measured.visible.percentileMs(50));
        results.put("freshness_p99_ms", measured.visible.percentileMs(99));
        results.put("freshness_accepted_p99_ms", measured.accepted.percentileMs(99));
        results.put("freshness_projected_p99_ms", projected.percentileMs(99));
        results.row(
                "freshness (" + measured.visible.count() + " events at " + 1000 / PERIOD_MS + "/s)",
                percentiles(measured.visible),
                "after " + UNTIMED_EVENTS + " untimed; each polled every " + POLL_MS + " ms");
        results.row("  accepted: POST /events answered", percentiles(measured.accepted), "");
        results.row("  projected: row written in PostgreSQL", percentiles(projected), "");
        log.info("freshness: {} events seen, {} never seen", measured.visible.count(), measured.neverSeen.get());
    }

    /** What one series of events measured, recorded from the publisher and poller threads. */
    private static final class Measured {
        final Latencies visible = new Latencies();
        final Latencies accepted = new Latencies();
        final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
        final AtomicInteger neverSeen = new AtomicInteger();
        final CountDownLatch done;

        Measured(int count) {
            done = new CountDownLatch(count);
        }

        void seen(long nanos) {
            visible.add(nanos);
            done.countDown();
        }

        void lost() {
            neverSeen.incrementAndGet();
            done.countDown();
        }
    }

    /** Publishes {@code count} events for new cards named {@code prefix + n}, each polled until the API has it. */
    private Measured measure(String prefix, int count) throws InterruptedException {
        Measured measured = new Measured(count);
        AtomicInteger published = new AtomicInteger();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
        publisher.scheduleAtFixedRate(
                () -> {
                    int n = published.getAndIncrement();
                    if (n < count) {
                        publish(prefix + n, measured, pollers);
                    }
                },
                0,
                PERIOD_MS,
                TimeUnit.MILLISECONDS);
        boolean finished = measured.done.await(count * PERIOD_MS + GIVE_UP.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        publisher.shutdownNow();
        pollers.shutdownNow();
        publisher.awaitTermination(10, TimeUnit.SECONDS);
        pollers.awaitTermination(10, TimeUnit.SECONDS);
        if (!finished) {
            log.warn(
                    "freshness: {} of {} events neither seen nor given up on in time", measured.done.getCount(), count);
        }
        return measured;
    }

    private void publish(String card, Measured measured, ScheduledExecutorService pollers) {
        Instant startWall = Instant.now();
        long start = System.nanoTime();
        String body = "{\"type\":\"PICKED_UP\",\"card_id\":\"" + card + "\",\"occurred_at\":\"" + startWall + "\"}";
        try {
            int status = http.send(
                            HttpRequest.newBuilder(URI.create(endpoints.ingestUrl() + "/events"))
                                    .timeout(REQUEST_TIMEOUT)
                                    .header("Content-Type", "application/json")
                                    .header("X-API-Key", endpoints.keys().partner())
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("POST /events answered " + status);
            }
            measured.accepted.add(System.nanoTime() - start);
            measured.startedAt.put(card, startWall);
            pollers.execute(() -> poll(card, start, measured, pollers));
        } catch (Exception e) {
            log.warn("publishing {} failed: {}", card, e.getMessage());
            measured.lost();
        }
    }

    private void poll(String card, long start, Measured measured, ScheduledExecutorService pollers) {
        if (visible(card)) {
            measured.seen(System.nanoTime() - start);
        } else if (System.nanoTime() - start > GIVE_UP.toNanos()) {
            measured.lost();
        } else if (!pollers.isShutdown()) {
            pollers.schedule(() -> poll(card, start, measured, pollers), POLL_MS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean visible(String card) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(endpoints.apiUrl() + "/get_card_status?card_id=" + card))
                                            .timeout(REQUEST_TIMEOUT)
                                            .header(
                                                    "X-API-Key",
                                                    endpoints.keys().reader())
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static String percentiles(Latencies latencies) {
        return String.format("p50 %.0f ms, p99 %.0f ms", latencies.percentileMs(50), latencies.percentileMs(99));
    }

    /** From the start of each event's publication to the {@code updated_at} of its card's row. */
    private Latencies projected(Map<String, Instant> startedAt) throws SQLException {
        Latencies projected = new Latencies();
        try (Connection connection =
                        DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                PreparedStatement select = connection.prepareStatement(
                        "SELECT card_id, updated_at FROM card_status WHERE card_id = ANY (?)")) {
            select.setArray(
                    1, connection.createArrayOf("text", startedAt.keySet().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant start = startedAt.get(rows.getString(1));
                    if (start != null) {
                        Instant written =
                                rows.getObject(2, OffsetDateTime.class).toInstant();
                        projected.add(
                                Math.max(0, Duration.between(start, written).toNanos()));
                    }
                }
            }
        }
        return projected;
    }
}
