package com.zywa.cardstatus.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zywa.cardstatus.support.personaldata.PhoneHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status API under 32 concurrent clients asking for random existing cards by ID or by phone (9 digits, as the
 * original clients send), beside the same lookups as direct JDBC point selects with the API's pool size.
 */
final class ApiBench {

    private static final Logger log = LoggerFactory.getLogger(ApiBench.class);
    private static final int CLIENTS = 32;
    private static final int POOL = 16;
    /** The parts whose CPU per request is reported (by their CPU probe names). */
    private static final List<String> PER_REQUEST_PARTS = List.of("status-api", "postgresql", "bench", "machine");

    private static final String COLUMNS = "card_id, status, status_at, phone, comment, delivery_exceptions, "
            + "history::text AS history, updated_at";

    /** How many requests were served, with their latencies. */
    private record Load(long requests, long errors, Latencies latencies, double seconds) {
        double rate() {
            return requests / seconds;
        }
    }

    private interface Lookup {
        boolean call(boolean byCard, String value) throws Exception;
    }

    private final Endpoints endpoints;
    private final Duration duration;
    private final Duration warmup;
    private final List<String> cards = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private final @Nullable PhoneHasher hasher = hasher();

    /**
     * @param warmup load applied and not counted before each measurement: the JIT compilers need about a minute of
     *     traffic on this box before a cold JVM serves at its steady rate
     */
    ApiBench(Endpoints endpoints, Path expected, Duration duration, Duration warmup) throws Exception {
        this.endpoints = endpoints;
        this.duration = duration;
        this.warmup = warmup;
        List<String> lines = Files.readAllLines(expected);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            cards.add(fields[0]);
            if (!fields[3].isEmpty()) {
                phones.add(fields[3].substring(4));
            }
        }
    }

    void run(Results results) throws Exception {
        CpuProbe cpu = new CpuProbe(endpoints.pidDir(), endpoints.postgresPidFile());
        Measured api;
        Measured floor;
        // a blocking client with one kept-alive connection per client thread: cheap enough on the shared box
        // that the figure is the service's, not the load generator's
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(CLIENTS)
                        .setMaxConnPerRoute(CLIENTS)
                        .build())
                .build()) {
            Callable<Lookup> lookups = () -> (byCard, value) -> http.execute(lookup(byCard, value), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode() == 200;
            });
            log.info("API: warming up for {} s", warmup.toSeconds());
            load(lookups, warmup, 0);
            api = measure(cpu, lookups, 0);
            // the floor under a lookup: the same clients on the service's cheapest answer (its liveness probe, the
            // reader key sent all the same), through the same Tomcat, filters and Spring MVC, no database
            Callable<Lookup> probes = () -> (byCard, value) -> http.execute(probe(), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode() == 200;
            });
            load(probes, warmup.dividedBy(4), 0);
            floor = measure(cpu, probes, 0);
        }
        Measured jdbc;
        Measured paced;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl());
        config.setUsername(endpoints.dbUser());
        config.setPassword(endpoints.dbPassword());
        config.setMaximumPoolSize(POOL);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Callable<Lookup> lookups = () -> (byCard, value) -> select(pool, byCard, value);
            load(lookups, warmup.dividedBy(4), 0);
            jdbc = measure(cpu, lookups, 0);
            // the same selects at the rate the API reached: what a lookup costs the database and the load generator
            // at that rate, apart from what the API adds (a backend that waits between statements costs more each)
            paced = measure(cpu, lookups, api.load().rate());
        }
        results.put("api_rps", api.load().rate());
        results.put("api_p50_ms", api.load().latencies().percentileMs(50));
        results.put("api_p99_ms", api.load().latencies().percentileMs(99));
        results.put("api_errors", api.load().errors());
        results.put("jdbc_rps", jdbc.load().rate());
        results.put("jdbc_p99_ms", jdbc.load().latencies().percentileMs(99));
        results.row(
                "API, " + CLIENTS + " clients, " + duration.toSeconds() + " s (after " + warmup.toSeconds()
                        + " s warm-up)",
                String.format(
                        "%.0f req/s, p50 %.2f ms, p99 %.2f ms",
                        api.load().rate(),
                        api.load().latencies().percentileMs(50),
                        api.load().latencies().percentileMs(99)),
                String.format(
                        "JDBC %.0f req/s, p99 %.2f ms (API = %.0f%%)",
                        jdbc.load().rate(),
                        jdbc.load().latencies().percentileMs(99),
                        100 * api.load().rate() / jdbc.load().rate()));
        results.row("  CPU seconds during it", api.cpu(), api.available());
        results.row("  CPU seconds during JDBC", jdbc.cpu(), jdbc.available());
        results.row(
                String.format(
                        "  CPU seconds during JDBC at %.0f/s", paced.load().rate()),
                paced.cpu(),
                paced.available());
        // per request, what each part cost the box: through the API, direct, and direct at the API's rate
        StringBuilder perRequest = new StringBuilder();
        for (String part : PER_REQUEST_PARTS) {
            String name = CpuProbe.shortName(part);
            double viaApi = api.perRequestMicros(part);
            double direct = jdbc.perRequestMicros(part);
            double directPaced = paced.perRequestMicros(part);
            results.put("api_cpu_us_per_request_" + name, viaApi);
            results.put("jdbc_cpu_us_per_request_" + name, direct);
            results.put("jdbc_paced_cpu_us_per_request_" + name, directPaced);
            perRequest
                    .append(perRequest.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.0f / %.0f / %.0f", name, viaApi, direct, directPaced));
        }
        results.row("  CPU us per request, API / JDBC / paced", perRequest.toString(), "");
        double lookupCost = api.perRequestMicros("status-api");
        double floorCost = floor.perRequestMicros("status-api");
        results.put("api_floor_rps", floor.load().rate());
        results.put("api_floor_cpu_us_per_request_api", floorCost);
        results.put("api_cpu_ratio_to_floor", floorCost == 0 ? 0 : lookupCost / floorCost);
        results.row(
                "  the floor: liveness probe, same clients",
                String.format(
                        "%.0f req/s, %.0f us of the API's CPU each (a lookup: %.0f, %.2f x)",
                        floor.load().rate(), floorCost, lookupCost, floorCost == 0 ? 0 : lookupCost / floorCost),
                "");
        log.info(
                "API: {} requests, {} errors; JDBC: {} selects, {} at the API's rate",
                api.load().requests(),
                api.load().errors(),
                jdbc.load().requests(),
                paced.load().requests());
    }

    /** One measured load and the CPU time of each part of the box before and after it. */
    private record Measured(Load load, Map<String, Long> before, Map<String, Long> after) {

        String cpu() {
            return CpuProbe.between(before, after);
        }

        String available() {
            return String.format("%.0f available (2 cores)", 2 * load.seconds());
        }

        double perRequestMicros(String part) {
            return load.requests() == 0 ? 0 : CpuProbe.seconds(before, after, part) * 1e6 / load.requests();
        }
    }

    /**
     * The lookups for the measured duration, at {@code rate} requests per second in all (0: as fast as they go),
     * between two CPU snapshots; the caller keeps a JDBC pool open until this returns, since a database backend
     * that has ended no longer shows its CPU time.
     */
    private Measured measure(CpuProbe cpu, Callable<Lookup> lookups, double rate) throws Exception {
        Map<String, Long> before = cpu.snapshot();
        Load load = load(lookups, duration, rate);
        return new Measured(load, before, cpu.snapshot());
    }

    /** The liveness probe, with the reader key as a lookup sends it. */
    private HttpGet probe() {
        HttpGet get = new HttpGet(endpoints.apiUrl() + "/actuator/health/liveness");
        get.addHeader("X-API-Key", endpoints.keys().reader());
        return get;
    }

    /** A lookup as an internal client sends it, with the reader key. */
    private HttpGet lookup(boolean byCard, String value) {
        HttpGet get =
                new HttpGet(endpoints.apiUrl() + "/get_card_status?" + (byCard ? "card_id=" : "user_phone=") + value);
        get.addHeader("X-API-Key", endpoints.keys().reader());
        return get;
    }

    private boolean select(HikariDataSource pool, boolean byCard, String value) throws Exception {
        String sql = byCard
                ? "SELECT " + COLUMNS + " FROM card_status WHERE card_id = ?"
                : hasher != null
                        ? "SELECT " + COLUMNS + " FROM card_status WHERE phone_key_id = (SELECT key_id FROM "
                                + "ingest.phone_key WHERE phone_hash = ?) ORDER BY status_at DESC, card_id LIMIT 100"
                        : "SELECT " + COLUMNS
                                + " FROM card_status WHERE phone = ? ORDER BY status_at DESC, card_id LIMIT 100";
        try (Connection db = pool.getConnection();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, byCard ? value : hasher != null ? hasher.of("+971" + value) : "+971" + value);
            try (ResultSet rows = query.executeQuery()) {
                boolean found = false;
                while (rows.next()) {
                    found |= rows.getString("history") != null;
                }
                return found;
            }
        }
    }

    /** The phones' keyed hash of the stack bench/run started (its key as bench/run exports it), or none. */
    private static @Nullable PhoneHasher hasher() {
        String key = System.getenv("CARDSTATUS_PERSONALDATA_PHONEHASHKEY");
        return key == null || key.isBlank() ? null : new PhoneHasher(key);
    }

    /** Runs the lookups on {@value #CLIENTS} threads; at {@code rate} requests per second in all if above 0. */
    private Load load(Callable<Lookup> perThread, Duration duration, double rate) throws Exception {
        long interval = rate > 0 ? (long) (CLIENTS * 1e9 / rate) : 0;
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> done = new ArrayList<>();
        List<Latencies> latencies = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Lookup lookup = perThread.call();
            // paced, the threads take turns: thread i starts i/CLIENTS of an interval later, so the requests come
            // evenly spread over time, not CLIENTS at once followed by a pause
            long first = start + interval * i / CLIENTS;
            done.add(threads.submit(() -> {
                long ok = 0;
                long errors = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (long next = first; System.nanoTime() < end; next += interval) {
                    // paced: each thread starts its requests at a fixed interval (catching up if one was slow)
                    LockSupport.parkNanos(next - System.nanoTime());
                    boolean byCard = phones.isEmpty() || random.nextBoolean();
                    String value = byCard
                            ? cards.get(random.nextInt(cards.size()))
                            : phones.get(random.nextInt(phones.size()));
                    long t = System.nanoTime();
                    boolean found = lookup.call(byCard, value);
                    mine.add(System.nanoTime() - t);
                    if (found) {
                        ok++;
                    } else {
                        errors++;
                    }
                }
                return new long[] {ok, errors};
            }));
        }
        long ok = 0;
        long errors = 0;
        for (Future<long[]> result : done) {
            ok += result.get()[0];
            errors += result.get()[1];
        }
        double seconds = IngestBench.seconds(start);
        threads.shutdown();
        Latencies all = new Latencies();
        latencies.forEach(all::addAll);
        return new Load(ok + errors, errors, all, seconds);
    }
}
