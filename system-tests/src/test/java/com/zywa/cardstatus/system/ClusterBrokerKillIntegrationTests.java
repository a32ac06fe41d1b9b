package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.ingest.IngestProducerApplication;
import com.zywa.cardstatus.processor.StatusProcessorApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A KRaft cluster of three nodes, each in its own process, topics replicated three times with two in-sync replicas
 * per write: the broker leading a partition of the event topics killed with SIGKILL while uploads run. Every event
 * an upload was acknowledged for is on the topics, nothing from an upload answered 503 is, the fold goes on by
 * itself on the two brokers left, and every card of the data set ends right.
 */
class ClusterBrokerKillIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ClusterBrokerKillIntegrationTests.class);
    private static final int ROWS_PER_UPLOAD = 1_000;

    @Test
    void killingAPartitionLeaderLosesNoAcknowledgedEventAndEveryCardEndsRight(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work) throws Exception {
        long started = System.nanoTime();
        GeneratedCards cards = GeneratedCards.generate(work.resolve("data"), 12_000, 31, "ZCL");
        List<Path> uploads = chunks(cards.files(), work.resolve("uploads"));
        Pipeline.Database database = TestDatabase.get();
        cards.clearProjection(database);
        BrokerProcess.Layout layout = BrokerProcess.Layout.of(work.resolve("kafka"), 3, 3);
        List<BrokerProcess> nodes = BrokerProcess.startAll(layout);
        String[] replicated = {"--card-status.topics.replicas=3", "--card-status.topics.min-insync-replicas=2"};
        try (AutoCloseable brokers = () -> killAll(nodes);
                ConfigurableApplicationContext processor = StatusProcessorApplication.application().run(Pipeline.args(
                        layout.bootstrapServers(), database, with(replicated, "--spring.kafka.streams.state-dir="
                                + work.resolve("streams"))));
                ConfigurableApplicationContext ingest = IngestProducerApplication.application().run(Pipeline.args(
                        layout.bootstrapServers(), database, with(replicated, "--ingest.instance-id=cluster-test")));
                Admin admin = Admin.create(Map.of("bootstrap.servers", layout.bootstrapServers()))) {
            assertReplicated(admin);
            Uploader uploader = new Uploader(new IngestCalls(Pipeline.url(ingest)));
            CompletableFuture<Void> ingesting = CompletableFuture.runAsync(() -> uploads.forEach(uploader::upload));
            await().atMost(Duration.ofSeconds(60)).until(() -> uploader.acknowledgedUploads.size() >= 2);

            Map<String, Integer> leaders = leaders(admin);
            int victim = leaders.get(Topics.eventTopics().get(0) + "-0");
            List<String> led = leaders.entrySet().stream().filter(e -> e.getValue() == victim).map(Map.Entry::getKey)
                    .toList();
            nodes.get(victim - 1).kill();
            long killed = System.nanoTime();
            log.info("cluster: killed broker {} (SIGKILL) after {} of {} uploads were acknowledged; it led {}", victim,
                    uploader.acknowledgedUploads.size(), uploads.size(), led);

            ingesting.get();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> cards.wrong(database).isEmpty());
            Duration recovery = Duration.ofNanos(System.nanoTime() - killed);
            List<CommittedEvents.Event> committed = CommittedEvents.read(layout.bootstrapServers());
            long found = committed.stream().filter(e -> uploader.acknowledgedUploads.contains(e.uploadId())).count();
            log.info("cluster: events acknowledged {}, found on the topics (read_committed) {}; uploads answered {}; "
                    + "{} cards checked, {} wrong, every card right {} s after the kill; test {} s",
                    uploader.acknowledgedEvents.get(), found, uploader.answers, cards.size(),
                    cards.wrong(database).size(), recovery.toMillis() / 1000.0,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            assertThat(found).isEqualTo(uploader.acknowledgedEvents.get());
            assertThat(committed).noneMatch(e -> uploader.failedUploads.contains(e.uploadId()));
            assertThat(committed.stream().map(CommittedEvents.Event::eventId).distinct().count())
                    .isEqualTo(committed.size());
        }
    }

    /** Uploads each file until it is acknowledged, noting what was acknowledged and what answered 503. */
    private static final class Uploader {

        private final IngestCalls calls;
        private final Set<String> acknowledgedUploads = ConcurrentHashMap.newKeySet();
        private final Set<String> failedUploads = ConcurrentHashMap.newKeySet();
        private final AtomicLong acknowledgedEvents = new AtomicLong();
        private final Map<Integer, Integer> answers = Collections.synchronizedMap(new TreeMap<>());

        Uploader(IngestCalls calls) {
            this.calls = calls;
        }

        void upload(Path file) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                IngestCalls.Reply reply = calls.upload(file);
                answers.merge(reply.status(), 1, Integer::sum);
                String uploadId = reply.body() == null || reply.body().get("upload_id") == null ? null
                        : reply.body().get("upload_id").asString();
                if (reply.status() == 201) {
                    acknowledgedUploads.add(uploadId);
                    acknowledgedEvents.addAndGet(reply.body().get("rows_accepted").asLong());
                    return;
                }
                assertThat(reply.status()).as("answer to %s: %s", file.getFileName(), reply.body()).isEqualTo(503);
                failedUploads.add(uploadId);
            }
            throw new AssertionError(file.getFileName() + " was not acknowledged after 5 attempts");
        }
    }

    /** The leader's node ID of every partition of the event topics ({@code topic-partition}). */
    private static Map<String, Integer> leaders(Admin admin) throws Exception {
        Map<String, Integer> leaders = new TreeMap<>();
        for (TopicDescription topic : admin.describeTopics(Topics.eventTopics()).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> leaders.put(topic.name() + "-" + p.partition(), p.leader().id()));
        }
        return leaders;
    }

    private static void assertReplicated(Admin admin) throws Exception {
        List<String> topics = new ArrayList<>(Topics.eventTopics());
        topics.add(Topics.STATUS);
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> assertThat(topic.partitions())
                .allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
        ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.eventTopics().get(0));
        assertThat(admin.describeConfigs(List.of(events)).all().get().get(events).get("min.insync.replicas").value())
                .isEqualTo("2");
    }

    /** The data set's files cut into uploads of {@link #ROWS_PER_UPLOAD} rows, each with its file's header. */
    private static List<Path> chunks(List<Path> files, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> chunks = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int from = 1; from < lines.size(); from += ROWS_PER_UPLOAD) {
                List<String> chunk = new ArrayList<>(List.of(lines.get(0)));
                chunk.addAll(lines.subList(from, Math.min(lines.size(), from + ROWS_PER_UPLOAD)));
                chunks.add(Files.write(dir.resolve(chunks.size() + "-" + file.getFileName()), chunk));
            }
        }
        return chunks;
    }

    private static String[] with(String[] args, String more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(more);
        return all.toArray(String[]::new);
    }

    /** Their data is thrown away: no controlled shutdown to wait for. */
    private static void killAll(List<BrokerProcess> nodes) throws InterruptedException {
        for (BrokerProcess node : nodes) {
            node.kill();
        }
    }
}
