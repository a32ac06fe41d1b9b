package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.ingest.IngestProducerApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The status processor killed with SIGKILL in the middle of folding a generated data set (its open exactly-once
 * transaction and local state left behind) and started again: every card ends exactly as the data set says, and
 * no stall (contract §13) is published twice: the cards the killed processor stalled stay stalled in its state.
 */
class ProcessorKillIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ProcessorKillIntegrationTests.class);

    private static final String STALLS_EVERY_SECOND = "--cardstatus.stalls.check-interval=1s";

    @Test
    void aProcessorKilledMidFoldEndsWithEveryCardRightAfterRestart(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work)
            throws Exception {
        long started = System.nanoTime();
        GeneratedCards cards = GeneratedCards.generate(work.resolve("data"), 12_000, 17, "ZPK");
        // a database of its own: a projection remembers the Kafka cluster it was built from (contract §8)
        OwnPostgres postgres = OwnPostgres.start("processor-kill-postgres");
        Pipeline.Database database = postgres.database();
        Path state = work.resolve("streams");
        try (postgres;
                TestBroker broker = TestBroker.start(3);
                ConfigurableApplicationContext ingest = IngestProducerApplication.application()
                        .run(Pipeline.args(
                                broker.bootstrapServers(),
                                database,
                                "--cardstatus.ingest.instance-id=processor-kill-test"))) {
            IngestCalls calls = new IngestCalls(Pipeline.url(ingest));
            int projectedAtKill;
            int wrongAtKill;
            CompletableFuture<List<Integer>> uploads;
            TopicReader topics = new TopicReader(broker.bootstrapServers());
            long stalledBeforeKill;
            try (ProcessorProcess processor = ProcessorProcess.start(
                    broker.bootstrapServers(), database, state, work.resolve("processor-1.log"), STALLS_EVERY_SECOND)) {
                uploads = CompletableFuture.supplyAsync(() -> cards.files().stream()
                        .map(file -> calls.upload(file).status())
                        .toList());
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> cards.projectedCount(database) >= cards.size() / 3);
                // cards picked up in 2023 stall as soon as their pick-up is folded, before their later events are
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !topics.stallIds().isEmpty());
                processor.kill();
                stalledBeforeKill = topics.stallIds().size();
                projectedAtKill = cards.projectedCount(database);
                wrongAtKill = cards.wrong(database).size();
            }
            assertThat(uploads.get()).containsOnly(201);
            assertThat(wrongAtKill)
                    .as("the fold was still running when it was killed")
                    .isPositive();

            long restart = System.nanoTime();
            try (ProcessorProcess restarted = ProcessorProcess.start(
                    broker.bootstrapServers(), database, state, work.resolve("processor-2.log"), STALLS_EVERY_SECOND)) {
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> cards.wrong(database).isEmpty());
                Duration recovery = Duration.ofNanos(System.nanoTime() - restart);
                List<String> wrong = cards.wrong(database);
                log.info(
                        "processor SIGKILL: {} cards checked, {} wrong; at the kill {} were projected and {} not yet "
                                + "right; every card right {} s after the restart began (JVM start included); test {} s",
                        cards.size(),
                        wrong.size(),
                        projectedAtKill,
                        wrongAtKill,
                        recovery.toMillis() / 1000.0,
                        Duration.ofNanos(System.nanoTime() - started).toSeconds());
                assertThat(wrong).isEmpty();
                // the stalls the killed processor wrote are in the state it restored: none is written again
                // (contract §13), whatever the restarted one stalled since
                assertThat(stalledBeforeKill).isPositive();
                Map<String, Long> stalls = topics.stallIds();
                assertThat(stalls.size()).isGreaterThanOrEqualTo((int) stalledBeforeKill);
                assertThat(stalls)
                        .as("card.stalled records by CloudEvent id")
                        .allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1L));
            }
        }
    }
}
