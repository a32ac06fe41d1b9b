package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilding the projection without downtime (contract §10), on the shared pipeline: ops start a re-projection
 * through status-api, lookups go on answering throughout, the view switches to the new generation and the old one is
 * dropped; cards folded with a code the mapping did not know get the reason ops added since; a cancelled rebuild
 * leaves the current generation serving.
 */
@ExtendWith(PipelineExtension.class)
class ProjectionRebuildIntegrationTests {

    private static final String HEADER = "ID,Card ID,Timestamp,Comment,Reason code\n";
    private static final int CARDS = 60;

    private final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private Pipeline pipeline;
    private PipelineClient client;

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.client = new PipelineClient(pipeline);
    }

    @AfterEach
    void restoreTheMapping() throws IOException {
        Files.writeString(pipeline.reasonMapping(), Pipeline.REASONS);
    }

    @Test
    void aRebuildWhileLookupsRunSwitchesWithoutAFailedLookupOrACardGoingBackAndMapsTheOldReasons() throws Exception {
        List<String> cards = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < CARDS; i++) {
            cards.add("ZYWRB" + i + "-" + run);
            rows.append("R").append(i).append(',').append(cards.get(i)).append(",13-11-2023 10:00,left a card,XB\n");
        }
        upload("swiftpost-exceptions-rebuild-" + run + ".csv", HEADER + rows);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(cards)
                        .allSatisfy(card -> assertThat(reason(card)).isEqualTo("OTHER")));
        double loaded = Scrape.of(pipeline.processorUrl()).value("cardstatus_reasons_mapping_loaded_seconds");
        Files.writeString(pipeline.reasonMapping(), Pipeline.REASONS + "      XB: ADDRESS_INCORRECT\n");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Scrape.of(pipeline.processorUrl()).value("cardstatus_reasons_mapping_loaded_seconds") > loaded);
        String before = currentGeneration();
        Map<String, Timestamp> lastChanges = lastChanges(cards);

        // a work-queue listing opened before the rebuild cannot be followed exactly after its switch
        JsonNode firstPage =
                client.get(pipeline.apiUrl() + "/api/v1/cards?limit=1").body();
        String openCursor = firstPage.get("next_cursor").asString();

        Lookups lookups = new Lookups(cards);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(lookups);
        // a lap of every card before the rebuild, and another after its switch, read from the new generation
        await().atMost(Duration.ofSeconds(60)).until(() -> lookups.answered.get() >= CARDS);
        PipelineClient.Answer started = rebuilds(HttpMethod.POST, "", "{\"mode\":\"reproject\"}");
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().get("id").asString();
        // a card that changes while the new generation is built reaches it too
        upload(
                "swiftpost-returned-rebuild-" + run + ".csv",
                "ID,Card ID,Timestamp,Reason code\nT1," + cards.get(0) + ",14-11-2023 09:00,RF\n");
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(
                        () -> assertThat(rebuild(id).get("state").asString()).isEqualTo("current"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(reason(cards.get(0))).isEqualTo("REFUSED"));
        PipelineClient.Answer afterSwitch =
                client.get(pipeline.apiUrl() + "/api/v1/cards?limit=1&cursor=" + openCursor);
        assertThat(afterSwitch.status()).isEqualTo(410);
        assertThat(afterSwitch.body().get("error").asString()).isEqualTo("cursor_expired");
        int switched = lookups.answered.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> lookups.answered.get() >= switched + CARDS);
        lookups.stop.set(true);
        reading.get();

        assertThat(lookups.answered.get()).isGreaterThanOrEqualTo(2 * CARDS);
        assertThat(lookups.failed).as("failed lookups").isEmpty();
        assertThat(lookups.backwards).as("cards seen older than before").isEmpty();
        for (String card : cards.subList(1, CARDS)) {
            JsonNode status = client.cardStatus("card_id=" + card).body();
            assertThat(status.get("reason").asString()).as(card).isEqualTo("ADDRESS_INCORRECT");
            assertThat(status.get("raw_reason").asString()).as(card).isEqualTo("XB");
            assertThat(status.get("action_required").asString()).as(card).isEqualTo("FIX_ADDRESS");
        }
        JsonNode returned = client.cardStatus("card_id=" + cards.get(0)).body();
        assertThat(returned.get("history").get(0).get("reason").asString()).isEqualTo("ADDRESS_INCORRECT");
        assertThat(rebuild(before).get("state").asString()).isEqualTo("dropped");
        assertThat(exists("card_status_g" + before))
                .as("the old generation's table")
                .isFalse();
        assertThat(rebuild(id).get("cards_written").asLong()).isGreaterThanOrEqualTo(CARDS);
        // the work queue sorts and filters by a card's last change: a rebuild is none
        Map<String, Timestamp> rebuilt = lastChanges(cards);
        assertThat(rebuilt.get(cards.get(0))).isAfter(lastChanges.get(cards.get(0)));
        for (String card : cards.subList(1, CARDS)) {
            assertThat(rebuilt.get(card)).as(card).isEqualTo(lastChanges.get(card));
        }
        // the card that changed meanwhile was mapped again by the fold itself, the others by the rebuild
        assertThat(rebuild(id).get("reasons_remapped").asLong()).isGreaterThanOrEqualTo(CARDS - 1);
        assertThat(Scrape.of(pipeline.processorUrl())
                        .value("cardstatus_projection_rebuilds_total", "outcome=\"switched\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCancelledRebuildLeavesTheCurrentGenerationServingAndASecondOneIsRefusedMeanwhile() throws Exception {
        String before = currentGeneration();
        String id;
        try (Connection reader = connect()) {
            // a reader that keeps the view open holds the switch back until the rebuild is cancelled
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("LOCK TABLE card_status IN ACCESS SHARE MODE");
            }
            PipelineClient.Answer started = rebuilds(HttpMethod.POST, "", "{\"mode\":\"reproject\"}");
            assertThat(started.status()).isEqualTo(202);
            id = started.body().get("id").asString();
            assertThat(rebuilds(HttpMethod.POST, "", "{\"mode\":\"reproject\"}").status())
                    .as("a second rebuild meanwhile")
                    .isEqualTo(409);
            await().atMost(Duration.ofSeconds(60)).until(this::switchWaits);
            assertThat(rebuilds(HttpMethod.POST, "/" + id + "/cancel", null).status())
                    .isEqualTo(202);
            reader.commit();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(rebuild(id).get("state").asString()).isEqualTo("cancelled"));
        assertThat(currentGeneration()).isEqualTo(before);
        assertThat(exists("card_status_g" + id))
                .as("the cancelled generation's table")
                .isFalse();
        assertThat(client.cardStatus("card_id=ZYW8890").status()).isIn(200, 404);
        assertThat(rebuilds(HttpMethod.POST, "/" + id + "/cancel", null).status())
                .isEqualTo(409);
    }

    /** Reads the cards through the API until stopped: every answer must be 200, and no card older than before. */
    private final class Lookups implements Runnable {
        private final List<String> cards;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger answered = new AtomicInteger();
        private final List<String> failed = new ArrayList<>();
        private final List<String> backwards = new ArrayList<>();
        private final Map<String, Integer> seen = new ConcurrentHashMap<>();

        Lookups(List<String> cards) {
            this.cards = cards;
        }

        @Override
        public void run() {
            for (int i = 0; !stop.get(); i++) {
                String card = cards.get(i % cards.size());
                PipelineClient.Answer answer = client.cardStatus("card_id=" + card);
                answered.incrementAndGet();
                if (answer.status() != 200) {
                    failed.add(card + ": " + answer.status());
                    continue;
                }
                // the API shows no version: a card seen with fewer events than before went back
                int events = answer.body().get("history").size();
                Integer earlier = seen.put(card, events);
                if (earlier != null && events < earlier) {
                    backwards.add(card + ": " + earlier + " then " + events + " events");
                }
            }
        }
    }

    private String reason(String card) {
        PipelineClient.Answer answer = client.cardStatus("card_id=" + card);
        assertThat(answer.status()).as(card).isEqualTo(200);
        return answer.body().get("reason").asString();
    }

    private void upload(String file, String content) {
        PipelineClient.Answer answer =
                client.upload(file, content.getBytes(StandardCharsets.UTF_8), Map.of("partner", "swiftpost"));
        assertThat(answer.status()).as(file).isEqualTo(201);
        assertThat(answer.body().get("rows_rejected").asInt()).as(file).isZero();
    }

    private PipelineClient.Answer rebuilds(HttpMethod method, String path, String json) {
        return client.send(
                method,
                pipeline.apiUrl() + "/api/v1/projection/rebuilds" + path,
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                MediaType.APPLICATION_JSON,
                json);
    }

    private JsonNode rebuild(String id) {
        PipelineClient.Answer answer = rebuilds(HttpMethod.GET, "/" + id, null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private String currentGeneration() {
        for (JsonNode generation : rebuilds(HttpMethod.GET, "", null).body()) {
            if ("current".equals(generation.get("state").asString())) {
                return generation.get("id").asString();
            }
        }
        throw new AssertionError("no current generation");
    }

    private boolean switchWaits() throws SQLException {
        return query("SELECT count(*) > 0 FROM pg_locks WHERE relation = CAST('card_status' AS regclass) "
                + "AND mode = 'AccessExclusiveLock' AND NOT granted");
    }

    private boolean exists(String table) throws SQLException {
        return query("SELECT to_regclass('" + table + "') IS NOT NULL");
    }

    private boolean query(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Each card's last change (updated_at) in the projection as readers see it. */
    private Map<String, Timestamp> lastChanges(List<String> cards) throws SQLException {
        Map<String, Timestamp> changes = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT card_id, updated_at FROM card_status WHERE card_id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", cards.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    changes.put(rs.getString(1), rs.getTimestamp(2));
                }
            }
        }
        assertThat(changes).hasSize(cards.size());
        return changes;
    }

    private Connection connect() throws SQLException {
        Pipeline.Database database = pipeline.database();
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
