package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.ingest.IngestProducerApplication;
import com.zywa.cardstatus.processor.StatusProcessorApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The only Kafka broker killed with SIGKILL while an upload streams into its transaction: the upload answers 503
 * in bounded time and applies nothing, partner events answer 503 while the broker is down, and once the broker is
 * back on its kept log directory, uploading again gives every card of the data set its right state.
 */
class BrokerKillIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(BrokerKillIntegrationTests.class);
    private static final int IN_FLIGHT_ROWS = 30_000;

    @Test
    void anUploadCutByABrokerKillAnswers503AppliesNothingAndSucceedsOnceTheBrokerIsBack(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work) throws Exception {
        long started = System.nanoTime();
        GeneratedCards cards = GeneratedCards.generate(work.resolve("data"), 8_000, 23, "ZBK");
        Path inFlight = pickups(work.resolve("in-flight-pickup.csv"));
        // a database of its own: a projection remembers the Kafka cluster it was built from (contract §8)
        OwnPostgres postgres = OwnPostgres.start("broker-kill-postgres");
        Pipeline.Database database = postgres.database();
        BrokerProcess.Layout layout = BrokerProcess.Layout.of(work.resolve("kafka"), 1, 3);
        BrokerProcess broker = BrokerProcess.startAll(layout).get(0);
        try (postgres;
                broker;
                ConfigurableApplicationContext processor = StatusProcessorApplication.application()
                        .run(Pipeline.args(
                                layout.bootstrapServers(),
                                database,
                                "--spring.kafka.streams.state-dir=" + work.resolve("streams")));
                ConfigurableApplicationContext ingest = IngestProducerApplication.application()
                        .run(Pipeline.args(
                                layout.bootstrapServers(),
                                database,
                                "--cardstatus.ingest.instance-id=broker-kill-test"))) {
            IngestCalls calls = new IngestCalls(Pipeline.url(ingest));
            CompletableFuture<IngestCalls.Reply> upload = CompletableFuture.supplyAsync(() -> calls.upload(inFlight));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> upload.isDone() || uncommitted(layout.bootstrapServers()) >= 10_000);
            assertThat(upload)
                    .as("the upload was still streaming when the broker was killed")
                    .isNotDone();
            broker.kill();
            long killed = System.nanoTime();

            IngestCalls.Reply event = calls.events(
                    "{\"type\":\"PICKED_UP\",\"card_id\":\"ZBKEVENT1\"," + "\"occurred_at\":\"2023-11-20T08:00:00Z\"}");
            IngestCalls.Reply cut = upload.get();
            long answered = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            log.info(
                    "broker SIGKILL: the upload in flight answered {} {} after {} ms (both answers were in {} ms "
                            + "after the kill); POST /events sent after the kill answered {} {} after {} ms",
                    cut.status(),
                    cut.error(),
                    cut.took().toMillis(),
                    answered,
                    event.status(),
                    event.error(),
                    event.took().toMillis());
            assertThat(cut.status()).isEqualTo(503);
            assertThat(event.status()).isEqualTo(503);
            assertThat(cut.took()).isLessThan(Duration.ofSeconds(60));
            assertThat(event.took()).isLessThan(Duration.ofSeconds(30));
            assertThat(count(database, "ZBKF%") + count(database, "ZBKEVENT%")).isZero();

            long restart = System.nanoTime();
            broker.restart();
            List<CommittedEvents.Event> committed = CommittedEvents.read(layout.bootstrapServers());
            String failedUpload = cut.body().get("upload_id").asString();
            assertThat(committed)
                    .noneMatch(
                            e -> failedUpload.equals(e.uploadId()) || e.cardId().startsWith("ZBKEVENT"));

            assertThat(calls.upload(inFlight).status()).isEqualTo(201);
            assertThat(cards.files().stream().map(file -> calls.upload(file).status()))
                    .containsOnly(201);
            // the cut upload's transaction was left open: the next producer fences it, or the fold would wait minutes
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> cards.wrong(database).isEmpty() && count(database, "ZBKF%") == IN_FLIGHT_ROWS);
            log.info(
                    "broker SIGKILL: after the restart {} generated cards checked, {} wrong, {} in-flight cards "
                            + "PICKED_UP; every card right {} s after the broker restart began; {} committed events before "
                            + "the re-upload, none from the cut upload; test {} s",
                    cards.size(),
                    cards.wrong(database).size(),
                    count(database, "ZBKF%"),
                    Duration.ofNanos(System.nanoTime() - restart).toMillis() / 1000.0,
                    committed.size(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    /** Records written to the pickup topic, committed or not: the transaction of an upload in flight shows here. */
    private static long uncommitted(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = List.of(0, 1, 2).stream()
                    .collect(Collectors.toMap(
                            p -> new TopicPartition(EventType.PICKED_UP.topic(), p), p -> OffsetSpec.latest()));
            return admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all()
                    .get()
                    .values()
                    .stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }

    private static int count(Pipeline.Database database, String cardPattern) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM card_status WHERE card_id LIKE '" + cardPattern
                        + "' AND status = 'PICKED_UP'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Path pickups(Path file) throws Exception {
        StringBuilder csv = new StringBuilder("ID,Card ID,User Mobile,Timestamp\n");
        for (int i = 1; i <= IN_FLIGHT_ROWS; i++) {
            csv.append('F')
                    .append(i)
                    .append(",ZBKF")
                    .append(String.format("%06d", i))
                    .append(",05")
                    .append(20_000_000 + i)
                    .append(",12-11-2023 10:00\n");
        }
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
}
