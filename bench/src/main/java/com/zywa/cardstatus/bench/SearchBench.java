package com.zywa.cardstatus.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
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

    void run(Results results) throws Exception {
        Latencies api = new Latencies();
        Latencies jdbc = new Latencies();
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            for (int round = -ROUNDS / 3; round < ROUNDS; round++) {
                for (Filter filter : FILTERS) {
                    HttpGet get = new HttpGet(endpoints.apiUrl() + "/api/v1/cards?limit=100&" + filter.query());
                    get.addHeader("X-API-Key", endpoints.keys().reader());
                    long t = System.nanoTime();
                    int code = http.execute(get, response -> {
                        EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    });
                    if (round >= 0) {
                        api.add(System.nanoTime() - t);
                    }
                    if (code != 200) {
                        throw new IllegalStateException("search " + filter.query() + " answered " + code);
                    }
                }
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoints.jdbcUrl());
        config.setUsername(endpoints.dbUser());
        config.setPassword(endpoints.dbPassword());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
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
        results.put("search_jdbc_p50_ms", jdbc.percentileMs(50));
        results.put("search_jdbc_p99_ms", jdbc.percentileMs(99));
        results.row(
                "Search, 1 client, " + FILTERS.size() + " filters x " + ROUNDS + " first pages of 100",
                String.format("p50 %.2f ms, p99 %.2f ms", api.percentileMs(50), api.percentileMs(99)),
                String.format("JDBC p50 %.2f ms, p99 %.2f ms", jdbc.percentileMs(50), jdbc.percentileMs(99)));
        log.info("search: {} requests through the API, {} statements over JDBC", ROUNDS * 3, ROUNDS * 3);
    }

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
