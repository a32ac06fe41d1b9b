package com.zywa.cardstatus.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
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
    /** The parts whose CPU per request is reported (by their CPU probe names), and their short names. */
    private static final List<List<String>> PER_REQUEST_PARTS = List.of(List.of("status-api", "api"),
            List.of("postgresql", "postgresql"), List.of("bench", "bench"), List.of("machine", "machine"));
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
        Map<String, Long> cpuBefore;
        Load api;
        // a blocking client with one kept-alive connection per client thread: cheap enough on the shared box
        // that the figure is the service's, not the load generator's
        try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(CLIENTS).setMaxConnPerRoute(CLIENTS)
                        .build()).build()) {
            Callable<Lookup> lookups = () -> (byCard, value) -> http.execute(lookup(byCard, value), response -> {
                        EntityUtils.consume(response.getEntity());
                        return response.getCode() == 200;
                    });
            log.info("API: warming up for {} s", warmup.toSeconds());
            load(lookups, warmup);
            cpuBefore = cpu.snapshot();
            api = load(lookups, duration);
        }
        Map<String, Long> cpuAfter = cpu.snapshot();
        Load jdbc;
        Map<String, Long> jdbcCpuBefore;
        Map<String, Long> jdbcCpuAfter;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl());
        config.setUsername(endpoints.dbUser());
        config.setPassword(endpoints.dbPassword());
        config.setMaximumPoolSize(POOL);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Callable<Lookup> lookups = () -> (byCard, value) -> select(pool, byCard, value);
            load(lookups, warmup.dividedBy(4));
            jdbcCpuBefore = cpu.snapshot();
            jdbc = load(lookups, duration);
            // before the pool closes: a database backend that has ended no longer shows its CPU time
            jdbcCpuAfter = cpu.snapshot();
        }
        results.put("api_rps", api.rate());
        results.put("api_p50_ms", api.latencies().percentileMs(50));
        results.put("api_p99_ms", api.latencies().percentileMs(99));
        results.put("api_errors", api.errors());
        results.put("jdbc_rps", jdbc.rate());
        results.put("jdbc_p99_ms", jdbc.latencies().percentileMs(99));
        results.row("API, " + CLIENTS + " clients, " + duration.toSeconds() + " s (after " + warmup.toSeconds() + " s warm-up)",
                String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms", api.rate(), api.latencies().percentileMs(50),
                        api.latencies().percentileMs(99)),
                String.format("JDBC %.0f req/s, p99 %.2f ms (API = %.0f%%)", jdbc.rate(),
                        jdbc.latencies().percentileMs(99), 100 * api.rate() / jdbc.rate()));
        results.row("  CPU seconds during it", CpuProbe.between(cpuBefore, cpuAfter),
                String.format("%.0f available (2 cores)", 2 * api.seconds()));
        results.row("  CPU seconds during JDBC", CpuProbe.between(jdbcCpuBefore, jdbcCpuAfter),
                String.format("%.0f available (2 cores)", 2 * jdbc.seconds()));
        // per request, what each side cost the box: the API's own process, and what the database and the load
        // generator spent for one lookup through the API against one direct select
        StringBuilder perRequest = new StringBuilder();
        for (List<String> part : PER_REQUEST_PARTS) {
            double viaApi = perRequestMicros(cpuBefore, cpuAfter, part.get(0), api);
            double direct = perRequestMicros(jdbcCpuBefore, jdbcCpuAfter, part.get(0), jdbc);
            results.put("api_cpu_us_per_request_" + part.get(1), viaApi);
            results.put("jdbc_cpu_us_per_request_" + part.get(1), direct);
            perRequest.append(perRequest.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.0f / %.0f", part.get(1), viaApi, direct));
        }
        results.row("  CPU us per request, API / JDBC", perRequest.toString(), "");
        log.info("API: {} requests, {} errors; JDBC: {} selects", api.requests(), api.errors(), jdbc.requests());
    }

    private static double perRequestMicros(Map<String, Long> before, Map<String, Long> after, String part,
            Load load) {
        return load.requests() == 0 ? 0 : CpuProbe.seconds(before, after, part) * 1e6 / load.requests();
    }

    /** A lookup as an internal client sends it, with the reader key. */
    private HttpGet lookup(boolean byCard, String value) {
        HttpGet get = new HttpGet(endpoints.apiUrl() + "/get_card_status?" + (byCard ? "card_id=" : "user_phone=") + value);
        get.addHeader("X-API-Key", endpoints.keys().reader());
        return get;
    }

    private boolean select(HikariDataSource pool, boolean byCard, String value) throws Exception {
        String sql = byCard ? "SELECT " + COLUMNS + " FROM card_status WHERE card_id = ?"
                : "SELECT " + COLUMNS + " FROM card_status WHERE phone = ? ORDER BY status_at DESC, card_id LIMIT 100";
        try (Connection db = pool.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, byCard ? value : "+971" + value);
            try (ResultSet rows = query.executeQuery()) {
                boolean found = false;
                while (rows.next()) {
                    found |= rows.getString("history") != null;
                }
                return found;
            }
        }
    }

    private Load load(Callable<Lookup> perThread, Duration duration) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> done = new ArrayList<>();
        List<Latencies> latencies = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Lookup lookup = perThread.call();
            done.add(threads.submit(() -> {
                long ok = 0;
                long errors = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    boolean byCard = phones.isEmpty() || random.nextBoolean();
                    String value = byCard ? cards.get(random.nextInt(cards.size())) : phones.get(random.nextInt(phones.size()));
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
