package com.zywa.cardstatus.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work-queue search (contract §13) through the status API, one client at a time, for three typical filters (the
 * stalled cards, one status and action, one partner's cards), each a first page of 100; beside the same statement run
 * directly over JDBC, so the ratio is what the API adds to PostgreSQL's own time.
 */
final class SearchBench {

    private static final Logger log = LoggerFactory.getLogger(SearchBench.class);
    private static final int ROUNDS = 300;
    private static final String COLUMNS = "card_id, status, status_at, phone, partner, reason, raw_reason, "
            + "responsible, action_required, attempts, stalled_since, as_of, updated_at";

    /** A filter as the API takes it, and the statement status-api runs for it (CardSearchRepository's form). */
    private record Filter(String query, String where, List<String> params) {}

    private static final List<Filter> FILTERS = List.of(
            new Filter("stalled=true", "stalled_since IS NOT NULL", List.of()),
            new Filter(
                    "status=DELIVERY_EXCEPTION&action_required=CONTACT_CARDHOLDER",
                    "status = ? AND action_required = ?",
                    List.of("DELIVERY_EXCEPTION", "CONTACT_CARDHOLDER")),
            new Filter("partner=default", "partner = ?", List.of("default")));

    private final Endpoints endpoints;

    SearchBench(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * Tops the projection up to {@code cards} cards with synthetic ones (IDs ZYS...), written straight into
     * PostgreSQL in one statement per 100,000: a fifth picked up, a fifth in a delivery exception (reasons with the
     * three actions), the rest delivered or returned, over three partners and 30 days of changes, 2 % stalled. Only
     * the search reads them; how they got there does not change what a read costs.
     */
    void fill(long cards, Results results) throws Exception {
        try (HikariDataSource pool = pool();
                Connection db = pool.getConnection()) {
            long have;
            try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM card_status");
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                have = rs.getLong(1);
            }
            long t = System.nanoTime();
            for (long from = have; from < cards; from += 100_000) {
                try (PreparedStatement insert = db.prepareStatement(FILL)) {
                    insert.setLong(1, from);
                    insert.setLong(2, Math.min(cards, from + 100_000) - 1);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement analyze = db.prepareStatement("ANALYZE")) {
                analyze.execute();
            }
            log.info(
                    "search: {} cards in the projection ({} added in {} s)",
                    cards,
                    Math.max(0, cards - have),
                    (System.nanoTime() - t) / 1_000_000_000);
        }
        results.put("search_cards", cards);
    }

    private static final String FILL = """
            INSERT INTO card_status (card_id, status, status_at, phone, comment, delivery_exceptions, version, history,
                                     partner, reason, raw_reason, responsible, action_required, attempts,
                                     stalled_since, as_of, updated_at)
            SELECT 'ZYS' || lpad(CAST(i AS TEXT), 9, '0'), s.status, t.at, '+9715' || lpad(CAST(i % 100000000 AS TEXT), 8, '0'),
                   NULL, CASE WHEN s.status = 'DELIVERY_EXCEPTION' THEN 1 ELSE 0 END, 1, '[]',
                   (ARRAY['default', 'swiftpost', 'fastcourier'])[1 + (i / 5) % 3], r.reason, r.reason, r.responsible,
                   r.action, CASE WHEN s.status = 'DELIVERY_EXCEPTION' THEN 1 END,
                   CASE WHEN s.status IN ('PICKED_UP', 'DELIVERY_EXCEPTION') AND i % 10 = 0 THEN t.at + interval '3 days' END,
                   t.at, t.at
            FROM generate_series(CAST(? AS BIGINT), CAST(? AS BIGINT)) AS i
            CROSS JOIN LATERAL (SELECT (ARRAY['PICKED_UP', 'DELIVERY_EXCEPTION', 'DELIVERED', 'DELIVERED', 'RETURNED'])[1 + i % 5]
                                AS status) s
            CROSS JOIN LATERAL (SELECT now() - make_interval(secs => (i * 7919) % 2592000) AS at) t
            CROSS JOIN LATERAL (SELECT CASE WHEN s.status = 'DELIVERY_EXCEPTION' THEN x.reason END AS reason,
                                       CASE WHEN s.status = 'DELIVERY_EXCEPTION' THEN x.responsible END AS responsible,
                                       CASE WHEN s.status = 'DELIVERY_EXCEPTION' THEN x.action END AS action
                                FROM (SELECT (ARRAY['RECIPIENT_UNREACHABLE', 'ADDRESS_INCORRECT', 'COURIER_DELAY'])[1 + (i / 15) % 3] AS reason,
                                             (ARRAY['RECIPIENT', 'ISSUER', 'COURIER'])[1 + (i / 15) % 3] AS responsible,
                                             (ARRAY['CONTACT_CARDHOLDER', 'FIX_ADDRESS', 'WAIT_FOR_COURIER'])[1 + (i / 15) % 3] AS action) x) r
            ON CONFLICT (card_id) DO NOTHING
            """;

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl());
        config.setUsername(endpoints.dbUser());
        config.setPassword(endpoints.dbPassword());
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    void run(Results results) throws Exception {
        Latencies api = new Latencies();
        Latencies next = new Latencies();
        Latencies jdbc = new Latencies();
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            for (int round = -ROUNDS / 3; round < ROUNDS; round++) {
                for (Filter filter : FILTERS) {
                    long t = System.nanoTime();
                    String cursor = page(http, filter.query(), null);
                    if (round >= 0) {
                        api.add(System.nanoTime() - t);
                    }
                    if (cursor != null) {
                        // the page after it: read as of the first page's snapshot (contract §13)
                        t = System.nanoTime();
                        page(http, filter.query(), cursor);
                        if (round >= 0) {
                            next.add(System.nanoTime() - t);
                        }
                    }
                }
            }
        }
        try (HikariDataSource pool = pool()) {
            for (int round = -ROUNDS / 3; round < ROUNDS; round++) {
                for (Filter filter : FILTERS) {
                    long t = System.nanoTime();
                    select(pool, filter);
                    if (round >= 0) {
                        jdbc.add(System.nanoTime() - t);
                    }
                }
            }
        }
        results.put("search_p50_ms", api.percentileMs(50));
        results.put("search_p99_ms", api.percentileMs(99));
        if (next.count() > 0) {
            results.put("search_next_p50_ms", next.percentileMs(50));
            results.put("search_next_p99_ms", next.percentileMs(99));
            results.row(
                    "Search, the page after each first page (read as of the first page's snapshot)",
                    String.format("p50 %.2f ms, p99 %.2f ms", next.percentileMs(50), next.percentileMs(99)),
                    "");
        }
        results.put("search_jdbc_p50_ms", jdbc.percentileMs(50));
        results.put("search_jdbc_p99_ms", jdbc.percentileMs(99));
        results.row(
                "Search, 1 client, " + FILTERS.size() + " filters x " + ROUNDS + " first pages of 100",
                String.format("p50 %.2f ms, p99 %.2f ms", api.percentileMs(50), api.percentileMs(99)),
                String.format("JDBC p50 %.2f ms, p99 %.2f ms", jdbc.percentileMs(50), jdbc.percentileMs(99)));
        log.info("search: {} requests through the API, {} statements over JDBC", ROUNDS * 3, ROUNDS * 3);
    }

    /** One page through the API; returns its next_cursor (null on the last page). */
    private String page(CloseableHttpClient http, String query, String cursor) throws Exception {
        HttpGet get = new HttpGet(
                endpoints.apiUrl() + "/api/v1/cards?limit=100&" + query + (cursor == null ? "" : "&cursor=" + cursor));
        get.addHeader("X-API-Key", endpoints.keys().reader());
        return http.execute(get, response -> {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != 200) {
                throw new IllegalStateException("search " + query + " answered " + response.getCode());
            }
            Matcher found = NEXT_CURSOR.matcher(body);
            return found.find() ? found.group(1) : null;
        });
    }

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    private static void select(HikariDataSource pool, Filter filter) throws Exception {
        String sql = "SELECT " + COLUMNS + " FROM card_status WHERE " + filter.where()
                + " ORDER BY updated_at, card_id LIMIT 100";
        try (Connection db = pool.getConnection();
                PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < filter.params().size(); i++) {
                query.setString(i + 1, filter.params().get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    rows.getString(1);
                }
            }
        }
    }
}
