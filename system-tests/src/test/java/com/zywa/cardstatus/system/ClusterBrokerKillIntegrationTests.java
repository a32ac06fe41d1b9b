package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.ingest.IngestProducerApplication;
import com.zywa.cardstatus.processor.StatusProcessorApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
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
        List<Path> uploads = cards.cutInto(ROWS_PER_UPLOAD, work.resolve("uploads"));
        // a database of its own: a projection remembers the Kafka cluster it was built from (contract §8)
        OwnPostgres postgres = OwnPostgres.start("cluster-kill-postgres");
        Pipeline.Database database = postgres.database();
        BrokerProcess.Layout layout = BrokerProcess.Layout.of(work.resolve("kafka"), 3, 3);
        List<BrokerProcess> nodes = BrokerProcess.startAll(layout);
        String[] replicated = {"--cardstatus.topics.replicas=3", "--cardstatus.topics.min-insync-replicas=2"};
        try (postgres;
                AutoCloseable brokers = () -> killAll(nodes);
                ConfigurableApplicationContext processor = StatusProcessorApplication.application()
                        .run(Pipeline.args(
                                layout.bootstrapServers(),
                                database,
                                with(replicated, "--spring.kafka.streams.state-dir=" + work.resolve("streams"))));
                ConfigurableApplicationContext ingest = IngestProducerApplication.application()
                        .run(Pipeline.args(
                                layout.bootstrapServers(),
                                database,
                                with(replicated, "--cardstatus.ingest.instance-id=cluster-test")));
                Admin admin = Admin.create(Map.of("bootstrap.servers", layout.bootstrapServers()))) {
            Uploader uploader = new Uploader(new IngestCalls(Pipeline.url(ingest)));
            CompletableFuture<Void> ingesting = CompletableFuture.runAsync(() -> uploads.forEach(uploader::upload));
            await().atMost(Duration.ofSeconds(60)).until(() -> uploader.acknowledgedUploads.size() >= 2);

            Map<String, Integer> leaders = leaders(admin);
            int victim = leaders.get(Topics.eventTopics().get(0) + "-0");
            List<String> led = leaders.entrySet().stream()
                    .filter(e -> e.getValue() == victim)
                    .map(Map.Entry::getKey)
                    .toList();
            nodes.get(victim - 1).kill();
            long killed = System.nanoTime();
            log.info(
                    "cluster: killed broker {} (SIGKILL) after {} of {} uploads were acknowledged; it led {}",
                    victim,
                    uploader.acknowledgedUploads.size(),
                    uploads.size(),
                    led);

            ingesting.get();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> cards.wrong(database).isEmpty());
            Duration recovery = Duration.ofNanos(System.nanoTime() - killed);
            List<CommittedEvents.Event> committed = CommittedEvents.read(layout.bootstrapServers());
            long found = committed.stream()
                    .filter(e -> uploader.acknowledgedUploads.contains(e.uploadId()))
                    .count();
            log.info(
                    "cluster: events acknowledged {}, found on the topics (read_committed) {}; uploads answered {}; "
                            + "{} cards checked, {} wrong, every card right {} s after the kill; test {} s",
                    uploader.acknowledgedEvents.get(),
                    found,
                    uploader.answers,
                    cards.size(),
                    cards.wrong(database).size(),
                    recovery.toMillis() / 1000.0,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            assertReplicated(admin);
            assertThat(found).isEqualTo(uploader.acknowledgedEvents.get());
            assertThat(committed).noneMatch(e -> uploader.failedUploads.contains(e.uploadId()));
            assertThat(committed.stream()
                            .map(CommittedEvents.Event::eventId)
                            .distinct()
                            .count())
                    .isEqualTo(committed.size());
        }
    }

    /** Uploads each file until it is acknowledged, noting what was acknowledged and what answered 503. */
    private static final class Uploader {

        private final IngestCalls calls;
        private final Set<String> acknowledgedUploads = Collections.synchronizedSet(new HashSet<>());
        private final Set<String> failedUploads = Collections.synchronizedSet(new HashSet<>());
        private final AtomicLong acknowledgedEvents = new AtomicLong();
        private final Map<Integer, Integer> answers = Collections.synchronizedMap(new TreeMap<>());

        Uploader(IngestCalls calls) {
            this.calls = calls;
        }

        void upload(Path file) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                IngestCalls.Reply reply = calls.upload(file);
                answers.merge(reply.status(), 1, Integer::sum);
                String uploadId = reply.body() == null || reply.body().get("upload_id") == null
                        ? null
                        : reply.body().get("upload_id").asString();
                if (reply.status() == 201) {
                    acknowledgedUploads.add(uploadId);
                    acknowledgedEvents.addAndGet(
                            reply.body().get("rows_accepted").asLong());
                    return;
                }
                assertThat(reply.status())
                        .as("answer to %s: %s", file.getFileName(), reply.body())
                        .isEqualTo(503);
                if (uploadId != null) {
                    failedUploads.add(uploadId);
                }
            }
            throw new AssertionError(file.getFileName() + " was not acknowledged after 5 attempts");
        }
    }

    /** The leader's node ID of every partition of the event topics ({@code topic-partition}). */
    private static Map<String, Integer> leaders(Admin admin) throws Exception {
        Map<String, Integer> leaders = new TreeMap<>();
        for (TopicDescription topic :
                admin.describeTopics(Topics.eventTopics()).allTopicNames().get().values()) {
            topic.partitions()
                    .forEach(p -> leaders.put(
                            topic.name() + "-" + p.partition(), p.leader().id()));
        }
        return leaders;
    }

    /** The pipeline's topics, and Kafka's own ones the transactions and offsets live in, on three replicas. */
    private static void assertReplicated(Admin admin) throws Exception {
        List<String> topics = new ArrayList<>(Topics.eventTopics());
        topics.addAll(List.of(Topics.STATUS, "__transaction_state", "__consumer_offsets"));
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .values()
                .forEach(topic -> assertThat(topic.partitions())
                        .allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
        ConfigResource events = new ConfigResource(
                ConfigResource.Type.TOPIC, Topics.eventTopics().get(0));
        assertThat(admin.describeConfigs(List.of(events))
                        .all()
                        .get()
                        .get(events)
                        .get("min.insync.replicas")
                        .value())
                .isEqualTo("2");
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
