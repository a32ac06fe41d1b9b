package com.zywa.cardstatus.bench;

import com.zywa.cardstatus.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A re-projection of the whole projection (contract §10) while a load generator reads the API the whole time:
 * {@value #CLIENTS} clients look up a sample of {@value #SAMPLE} cards over and over by card ID. Every answer must be
 * 200, and no card may be seen with fewer history entries than an earlier answer showed it with (the API shows no
 * version; a card at an older version has no more events). The rebuild's rate is its cards written over the time
 * from its start to its switch, both as the processor recorded them.
 */
final class RebuildBench {

    private static final Logger log = LoggerFactory.getLogger(RebuildBench.class);
    private static final int CLIENTS = 4;
    private static final int SAMPLE = 20_000;
    private static final Duration GIVE_UP = Duration.ofHours(2);

    private final Endpoints endpoints;
    private final List<String> cards = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();
    private final LongAdder lookups = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder backwards = new LongAdder();
    private final AtomicBoolean stop = new AtomicBoolean();

    RebuildBench(Endpoints endpoints, Path expected) throws IOException {
        this.endpoints = endpoints;
        List<String> lines = Files.readAllLines(expected);
        int step = Math.max(1, (lines.size() - 1) / SAMPLE);
        for (int i = 1; i < lines.size(); i += step) {
            cards.add(lines.get(i).substring(0, lines.get(i).indexOf(',')));
        }
    }

    void run(Results results) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            load.add(clients.submit(this::readUntilStopped));
        }
        // a lap of the sample first, so every card of it has been seen once before the rebuild begins
        await(() -> lookups.sum() >= cards.size(), "a first lap of lookups");
        long before = lookups.sum();
        JsonNode started = call("POST", "", "{\"mode\":\"reproject\"}");
        String id = started.get("id").asString();
        log.info("rebuild {} requested; {} clients read {} cards meanwhile", id, CLIENTS, cards.size());
        JsonNode rebuild = started;
        long nextLog = 0;
        while (!List.of("current", "cancelled", "failed")
                .contains(rebuild.get("state").asString())) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            rebuild = call("GET", "/" + id, null);
            if (System.nanoTime() > nextLog) {
                nextLog = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                log.info(
                        "rebuild {}: {}, {} of {} records read, {} cards written; {} lookups, {} errors",
                        id,
                        rebuild.get("state").asString(),
                        rebuild.get("records_read").asLong(),
                        rebuild.get("records_total").asString(),
                        rebuild.get("cards_written").asLong(),
                        lookups.sum() - before,
                        errors.sum());
            }
        }
        // a lap after the switch, so every card of the sample is also read from the new generation
        long switchedAt = lookups.sum();
        await(() -> lookups.sum() >= switchedAt + cards.size(), "a lap of lookups after the switch");
        stop.set(true);
        for (Future<?> client : load) {
            client.get();
        }
        clients.shutdown();
        report(results, rebuild, lookups.sum() - before);
        copyBaseline(results, rebuild.get("cards_written").asLong());
    }

    /**
     * The baseline of a rebuild in the same run: the rows it wrote, copied out of the new generation and into a new
     * table like it (same columns and indexes) with PostgreSQL {@code COPY}, once untimed, then timed. What the
     * database alone needs to write that many rows; the rebuild also reads {@code card.status}, maps reasons and keeps
     * the live writer's rows coming in through its trigger.
     */
    private void copyBaseline(Results results, long cardsWritten) throws Exception {
        try (Connection db =
                        DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                Statement sql = db.createStatement()) {
            String current;
            try (ResultSet row = sql.executeQuery(
                    "SELECT 'card_status_g' || generation FROM projection_generation WHERE state = 'current'")) {
                row.next();
                current = row.getString(1);
            }
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            // through a file, not memory: at ten million cards the rows are many times the bench's heap
            Path rows = Files.createTempFile("bench-rebuild-copy", ".bin");
            long bytes;
            double seconds = 0;
            try {
                try (OutputStream out = Files.newOutputStream(rows)) {
                    copy.copyOut("COPY " + current + " TO STDOUT (FORMAT binary)", out);
                }
                bytes = Files.size(rows);
                for (int pass = 0; pass < 2; pass++) {
                    sql.execute("DROP TABLE IF EXISTS bench_rebuild_copy");
                    sql.execute("CREATE TABLE bench_rebuild_copy (LIKE " + current + " INCLUDING ALL)");
                    try (InputStream in = Files.newInputStream(rows)) {
                        long start = System.nanoTime();
                        copy.copyIn("COPY bench_rebuild_copy FROM STDIN (FORMAT binary)", in);
                        seconds = (System.nanoTime() - start) / 1e9;
                    }
                }
            } finally {
                Files.deleteIfExists(rows);
            }
            sql.execute("DROP TABLE bench_rebuild_copy");
            Double measured = results.value("rebuild_cards_per_s");
            double rebuildRate = measured == null ? 0 : measured;
            results.put("rebuild_copy_cards_per_s", cardsWritten / seconds);
            results.putRatio("rebuild_ratio_to_copy", rebuildRate / (cardsWritten / seconds));
            results.row(
                    "  COPY of the same rows into a table like it",
                    String.format(
                            Locale.ROOT,
                            "%,.0f/s (the rebuild: %.3f of it)",
                            cardsWritten / seconds,
                            rebuildRate / (cardsWritten / seconds)),
                    String.format(Locale.ROOT, "%.1f MB", bytes / 1e6));
        }
    }

    private void report(Results results, JsonNode rebuild, long during) {
        if (!"current".equals(rebuild.get("state").asString())) {
            throw new IllegalStateException("the rebuild ended " + rebuild);
        }
        long cardsWritten = rebuild.get("cards_written").asLong();
        double seconds = Duration.between(
                                Instant.parse(rebuild.get("started_at").asString()),
                                Instant.parse(rebuild.get("switched_at").asString()))
                        .toMillis()
                / 1000.0;
        results.put("rebuild_cards", cardsWritten);
        results.put("rebuild_seconds", seconds);
        results.put("rebuild_cards_per_s", cardsWritten / seconds);
        results.put("rebuild_reasons_remapped", rebuild.get("reasons_remapped").asLong());
        results.put("rebuild_lookups", during);
        results.put("rebuild_lookup_errors", errors.sum());
        results.put("rebuild_backwards", backwards.sum());
        results.row(
                "rebuild (reproject) under " + CLIENTS + " reading clients",
                String.format(
                        Locale.ROOT, "%,d cards in %.1f s (%,.0f/s)", cardsWritten, seconds, cardsWritten / seconds),
                String.format(
                        Locale.ROOT, "%,d lookups, %d errors, %d backwards", during, errors.sum(), backwards.sum()));
    }

    private void readUntilStopped() {
        int next = ThreadLocalRandom.current().nextInt(cards.size());
        while (!stop.get()) {
            String card = cards.get(next++ % cards.size());
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(endpoints.apiUrl() + "/get_card_status?card_id=" + card))
                                .header("X-API-Key", endpoints.keys().reader())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    errors.increment();
                } else {
                    int events =
                            Json.MAPPER.readTree(answer.body()).get("history").size();
                    Integer earlier = seen.put(card, events);
                    if (earlier != null && events < earlier) {
                        backwards.increment();
                    }
                }
            } catch (IOException | RuntimeException e) {
                errors.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            lookups.increment();
        }
    }

    private JsonNode call(String method, String path, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(endpoints.apiUrl() + "/api/v1/projection/rebuilds" + path))
                    .header("X-API-Key", endpoints.keys().ops())
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json))
                    .build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return Json.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not come within " + GIVE_UP);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}
