package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stopped as by a crash, then hung (every server process frozen), for 60 s each (longer than every wait
 * of the services: connection 2-5 s, reply 5-60 s, the 30 s an unbounded wait used to last) while files are uploaded, events posted and cards
 * looked up, on a pipeline with a PostgreSQL of its own. Uploads answer 503 database_unavailable within 10 s, the
 * upload in flight when the outage began ends FAILED with nothing applied once the database is back (no restart),
 * lookups answer 503 within 10 s, every {@code /actuator/health} within a second and DOWN, and the projection
 * catches up: every card is right at the end.
 */
class DatabaseOutageIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIntegrationTests.class);
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final int CARDS = 1_000;
    private static final int IN_FLIGHT_ROWS = 40_000;

    /** One HTTP answer seen during an outage. */
    private record Seen(String request, long atMillis, int status, String error, long millis) {}

    /** What an outage does to the database, and how it ends. */
    private interface Step {
        void run() throws Exception;
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void theServiceAnswersQuicklyThroughAPostgresOutageAndLosesNothing() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.start("outage-postgres");
                TestBroker broker = TestBroker.start(3);
                Pipeline pipeline = Pipeline.on(broker.bootstrapServers(), postgres.database())) {
            Map<String, String> expected = new HashMap<>();
            outage("STOP", pipeline, postgres::crash, postgres::restart, expected);
            outage("HANG", pipeline, postgres::hang, postgres::resume, expected);
        }
    }

    private void outage(String tag, Pipeline pipeline, Step begin, Step end, Map<String, String> expected)
            throws Exception {
        PipelineClient client = new PipelineClient(pipeline);
        assertThat(client.upload(tag + "-pickup.csv", pickups("ZYW" + tag + "-", CARDS), Map.of())
                        .status())
                .isEqualTo(201);
        for (int i = 1; i <= CARDS; i++) {
            expected.put(card("ZYW" + tag + "-", i), "PICKED_UP");
        }
        client.awaitIdle();

        String inFlightFile = tag + "-inflight-pickup.csv";
        long[] inFlightEnd = new long[1];
        CompletableFuture<PipelineClient.Answer> inFlight = CompletableFuture.supplyAsync(() -> {
            PipelineClient.Answer answer =
                    client.upload(inFlightFile, pickups("ZYWIF" + tag + "-", IN_FLIGHT_ROWS), Map.of());
            inFlightEnd[0] = System.nanoTime();
            return answer;
        });
        JsonNode running = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> processing(client, pipeline, inFlightFile), Objects::nonNull);
        begin.run();
        long start = System.nanoTime();
        log.info(
                "{}: PostgreSQL outage began while upload {} had read {} of {} rows",
                tag,
                running.get("upload_id").asString(),
                running.get("rows_read").asLong(),
                IN_FLIGHT_ROWS);

        List<Seen> seen = new ArrayList<>();
        try {
            probe(tag, pipeline, client, start, seen, expected);
        } finally {
            end.run();
        }
        long back = System.nanoTime();
        log.info("{}: PostgreSQL back after {} s", tag, millis(start, back) / 1000);
        seen.forEach(s -> log.info(
                "{} outage +{} ms: {} -> {} {} in {} ms",
                tag,
                s.atMillis(),
                s.request(),
                s.status(),
                s.error(),
                s.millis()));

        PipelineClient.Answer inFlightAnswer = inFlight.get(60, TimeUnit.SECONDS);
        log.info(
                "{}: the upload in flight answered {} {} {} ms after the outage began",
                tag,
                inFlightAnswer.status(),
                error(inFlightAnswer),
                millis(start, inFlightEnd[0]));
        String inFlightId = running.get("upload_id").asString();
        assertThat(inFlightAnswer.status()).isEqualTo(503);
        assertThat(error(inFlightAnswer)).isEqualTo("database_unavailable");
        assertThat(inFlightAnswer.body().get("upload_id").asString()).isEqualTo(inFlightId);

        JsonNode failed = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> client.get(pipeline.ingestUrl() + "/uploads/" + inFlightId)
                                .body(),
                        report -> report != null
                                && "FAILED".equals(report.path("state").asString(null)));
        log.info(
                "{}: the upload in flight is FAILED {} ms after PostgreSQL was back: {}",
                tag,
                millis(back, System.nanoTime()),
                failed.get("error").asString());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.upload(tag + "-after-pickup.csv", pickups("ZYWAF" + tag + "-", 10), Map.of())
                                .status()
                        == 201);
        for (int i = 1; i <= 10; i++) {
            expected.put(card("ZYWAF" + tag + "-", i), "PICKED_UP");
        }
        log.info("{}: uploads succeed again {} ms after PostgreSQL was back", tag, millis(back, System.nanoTime()));
        client.awaitIdle();
        Map<String, String> wrong = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> wrongCards(pipeline, expected), Map::isEmpty);
        log.info(
                "{}: all {} cards right {} ms after PostgreSQL was back ({} wrong)",
                tag,
                expected.size(),
                millis(back, System.nanoTime()),
                wrong.size());
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of(pipeline.ingestUrl(), pipeline.apiUrl(), pipeline.processorUrl()).stream()
                        .allMatch(url -> client.get(url + "/actuator/health").status() == 200));
        log.info("{}: every service healthy {} ms after PostgreSQL was back", tag, millis(back, System.nanoTime()));

        assertThat(count(pipeline, "SELECT count(*) FROM card_status WHERE card_id LIKE 'ZYWIF" + tag + "-%'"))
                .as("cards of the upload cut by the outage")
                .isZero();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count(pipeline, "SELECT count(*) FROM ingest.upload WHERE state = 'PROCESSING'") == 0);
        assertAnswers(tag, seen);
    }

    /** Uploads, events, lookups and health checks, round after round, until the outage has lasted its time. */
    private void probe(
            String tag,
            Pipeline pipeline,
            PipelineClient client,
            long start,
            List<Seen> seen,
            Map<String, String> expected) {
        StringBuilder delivered = new StringBuilder("[");
        for (int i = 1; i <= CARDS; i++) {
            delivered
                    .append(i > 1 ? "," : "")
                    .append(event("DELIVERED", card("ZYW" + tag + "-", i), "2023-11-13T09:00:00Z"));
            expected.put(card("ZYW" + tag + "-", i), "DELIVERED");
        }
        time(
                seen,
                start,
                "POST /events (" + CARDS + " DELIVERED)",
                () -> client.postJson(
                        pipeline.ingestUrl() + "/events", delivered.append("]").toString()));
        for (int round = 1; System.nanoTime() - start < OUTAGE.toNanos(); round++) {
            String fresh = card("ZYWEV" + tag + "-", round);
            expected.put(fresh, "PICKED_UP");
            time(
                    seen,
                    start,
                    "POST /events",
                    () -> client.postJson(
                            pipeline.ingestUrl() + "/events", event("PICKED_UP", fresh, "2023-11-12T08:00:00Z")));
            String file = tag + "-during-" + round + "-pickup.csv";
            byte[] content = pickups("ZYWDU" + tag + round + "-", 5);
            time(seen, start, "POST /uploads", () -> client.upload(file, content, Map.of()));
            time(seen, start, "GET /get_card_status", () -> client.cardStatus("card_id=" + card("ZYW" + tag + "-", 1)));
            time(
                    seen,
                    start,
                    "GET /api/v1/cards/{id}",
                    () -> client.get(pipeline.apiUrl() + "/api/v1/cards/" + card("ZYW" + tag + "-", 2)));
            time(seen, start, "GET /uploads", () -> client.get(pipeline.ingestUrl() + "/uploads?limit=5"));
            time(
                    seen,
                    start,
                    "GET ingest /actuator/health",
                    () -> client.get(pipeline.ingestUrl() + "/actuator/health"));
            time(seen, start, "GET api /actuator/health", () -> client.get(pipeline.apiUrl() + "/actuator/health"));
            time(
                    seen,
                    start,
                    "GET processor /actuator/health",
                    () -> client.get(pipeline.processorUrl() + "/actuator/health"));
            await().pollDelay(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> true);
        }
    }

    private static void assertAnswers(String tag, List<Seen> seen) {
        for (Seen s : seen) {
            if (s.request().startsWith("POST /events")) {
                assertThat(s.status()).as(tag + " " + s).isEqualTo(200);
            } else if (s.request().endsWith("/actuator/health")) {
                assertThat(s.millis()).as(tag + " " + s).isLessThan(1_000);
                if (s.atMillis() > 5_000) {
                    assertThat(s.status()).as(tag + " " + s).isEqualTo(503);
                    assertThat(s.error()).as(tag + " " + s).isEqualTo("db DOWN");
                }
            } else {
                assertThat(s.millis()).as(tag + " " + s).isLessThan(10_000);
                assertThat(s.status()).as(tag + " " + s).isEqualTo(503);
                assertThat(s.error()).as(tag + " " + s).isEqualTo("database_unavailable");
            }
        }
        assertThat(seen).extracting(Seen::request).contains("POST /uploads", "GET /get_card_status");
    }

    private static void time(List<Seen> seen, long start, String request, Supplier<PipelineClient.Answer> call) {
        long before = System.nanoTime();
        PipelineClient.Answer answer = call.get();
        long after = System.nanoTime();
        seen.add(new Seen(request, millis(start, before), answer.status(), error(answer), millis(before, after)));
    }

    private static Map<String, String> wrongCards(Pipeline pipeline, Map<String, String> expected) throws SQLException {
        Map<String, String> actual = new HashMap<>();
        try (Connection connection = connect(pipeline);
                ResultSet rows = connection.createStatement().executeQuery("SELECT card_id, status FROM card_status")) {
            while (rows.next()) {
                actual.put(rows.getString(1), rows.getString(2));
            }
        }
        Map<String, String> wrong = new HashMap<>();
        expected.forEach((card, status) -> {
            if (!status.equals(actual.get(card))) {
                wrong.put(card, status + " expected, found " + actual.get(card));
            }
        });
        return wrong;
    }

    private static long count(Pipeline pipeline, String sql) throws SQLException {
        try (Connection connection = connect(pipeline);
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(Pipeline pipeline) throws SQLException {
        Pipeline.Database database = pipeline.database();
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static JsonNode processing(PipelineClient client, Pipeline pipeline, String fileName) {
        for (JsonNode upload :
                client.get(pipeline.ingestUrl() + "/uploads?limit=5").body()) {
            if (upload.get("file").asString().equals(fileName)
                    && upload.get("state").asString().equals("PROCESSING")) {
                return upload;
            }
        }
        return null;
    }

    private static String event(String type, String card, String at) {
        return "{\"type\":\"" + type + "\",\"card_id\":\"" + card + "\",\"occurred_at\":\"" + at + "\"}";
    }

    private static byte[] pickups(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("ID,Card ID,Timestamp\n");
        for (int i = 1; i <= rows; i++) {
            csv.append('P').append(i).append(',').append(card(prefix, i)).append(",12-11-2023 10:00\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String card(String prefix, int number) {
        return prefix + String.format("%06d", number);
    }

    /** The answer's error code, or for a health answer the state of its {@code db} component. */
    private static String error(PipelineClient.Answer answer) {
        if (answer.body() == null) {
            return null;
        }
        JsonNode database = answer.body().path("components").path("db");
        return database.isMissingNode()
                ? answer.body().path("error").asString(null)
                : "db " + database.path("status").asString(null);
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
