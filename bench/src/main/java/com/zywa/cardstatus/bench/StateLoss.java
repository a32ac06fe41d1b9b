package com.zywa.cardstatus.bench;

import com.zywa.cardstatus.contract.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor losing its local state ({@code --lose-state}), measured on the running stack:
 *
 * <ul>
 *   <li>with several instances (standby replicas on, as bench/run sets them): mid-run, the last instance is killed
 *       (SIGKILL, as a lost machine) and its state directory deleted; timed until the fold's consumer group has
 *       given every partition of the event topics to the instances left, and until each of those partitions that
 *       still had events to fold was folded further (its committed offset moved, or nothing was left). The killed
 *       instance is then started again, empty, as a restarted pod would be; every card must still end correct.
 *   <li>with one instance (no other to hold a standby): after the run, the instance is stopped and started again
 *       twice, first with its state, then with its state directory deleted; the difference of the two times until
 *       it is ready is the time it took to restore its state from the changelog, for the cards it holds.
 * </ul>
 *
 * An instance is started again exactly as run-local started it (its command line, environment and working directory,
 * read from {@code /proc}); the bench then owns it (its pid file now names it) and stops it when it ends.
 */
final class StateLoss implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateLoss.class);
    /** The fold's consumer group (its Kafka Streams application ID). */
    static final String FOLD_GROUP = "card-status-processor";

    private static final List<String> EVENT_TOPICS = Topics.eventTopics();
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Endpoints endpoints;
    private final List<Process> started = new ArrayList<>();
    private volatile Thread takeover;

    StateLoss(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** One processor instance as run-local started it. */
    record Instance(
            int number, long pid, int port, Path stateDir, List<String> command, Map<String, String> env, Path cwd) {

        String pidFileName() {
            return number == 1 ? "status-processor.pid" : "status-processor-" + number + ".pid";
        }
    }

    List<Instance> instances() throws IOException {
        List<Long> pids = CpuProbe.pids(endpoints.pidDir(), "status-processor");
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            instances.add(read(i + 1, pids.get(i)));
        }
        return instances;
    }

    /** Instance {@code number} as run-local started process {@code pid}, read from {@code /proc}. */
    static Instance read(int number, long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
        Map<String, String> env = new HashMap<>();
        for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
        String stateDir = env.get("SPRING_KAFKA_STREAMS_STATEDIR");
        if (stateDir == null) {
            throw new IllegalStateException("processor pid " + pid + " has no SPRING_KAFKA_STREAMS_STATEDIR");
        }
        int port = Integer.parseInt(env.getOrDefault("SERVER_PORT", "8082"));
        return new Instance(number, pid, port, cwd.resolve(stateDir), command, env, cwd);
    }

    private static List<String> split(byte[] nulSeparated) {
        return Arrays.stream(new String(nulSeparated, StandardCharsets.UTF_8).split("\0"))
                .filter(part -> !part.isEmpty())
                .toList();
    }

    // ---------------------------------------------------------------- several instances: takeover by the others

    /**
     * Kills the last instance and deletes its state now, then measures the takeover in the background (see
     * {@link #reportTakeover}).
     */
    void loseLastInstance(Results results) throws Exception {
        List<Instance> all = instances();
        if (all.size() < 2) {
            throw new IllegalStateException("--lose-state mid-run needs at least 2 processor instances");
        }
        Instance lost = all.get(all.size() - 1);
        int left = all.size() - 1;
        Map<TopicPartition, Long> committedBefore;
        try (Admin admin = admin()) {
            committedBefore = committed(admin);
        }
        long killedAt = System.nanoTime();
        kill(lost, true);
        deleteTree(lost.stateDir());
        log.info(
                "state loss: killed processor #{} (pid {}) and deleted {}", lost.number(), lost.pid(), lost.stateDir());
        takeover = new Thread(
                () -> {
                    try {
                        measureTakeover(results, lost, left, killedAt, committedBefore);
                    } catch (Exception e) {
                        log.warn("state loss: the takeover could not be measured", e);
                        results.row("state loss: takeover", "not measured: " + e, "");
                    }
                },
                "bench-state-loss");
        takeover.setDaemon(true);
        takeover.start();
    }

    /** Waits for the background measurement of {@link #loseLastInstance} to end. */
    void awaitTakeover() throws InterruptedException {
        Thread running = takeover;
        if (running != null) {
            running.join(TIMEOUT.toMillis());
        }
    }

    private void measureTakeover(
            Results results, Instance lost, int left, long killedAt, Map<TopicPartition, Long> committedBefore)
            throws Exception {
        long deadline = killedAt + TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            Set<TopicPartition> inputs = inputPartitions(admin);
            double assigned = -1;
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(FOLD_GROUP))
                        .all()
                        .get()
                        .get(FOLD_GROUP);
                Set<TopicPartition> held = new HashSet<>();
                for (MemberDescription member : group.members()) {
                    held.addAll(member.assignment().topicPartitions());
                }
                if (group.groupState() == GroupState.STABLE
                        && group.members().size() == left
                        && held.containsAll(inputs)) {
                    assigned = IngestBench.seconds(killedAt);
                    break;
                }
                Thread.sleep(100);
            }
            // each partition that had events left to fold at the kill is folded further, or has none left
            Map<TopicPartition, Long> end = endOffsets(admin, inputs);
            Set<TopicPartition> waiting = new HashSet<>();
            for (TopicPartition partition : inputs) {
                long before = committedBefore.getOrDefault(partition, 0L);
                if (before < end.get(partition)) {
                    waiting.add(partition);
                }
            }
            double served = -1;
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> now = committed(admin);
                Map<TopicPartition, Long> ends = endOffsets(admin, waiting);
                waiting.removeIf(p -> now.getOrDefault(p, 0L) > committedBefore.getOrDefault(p, 0L)
                        || now.getOrDefault(p, 0L) >= ends.get(p));
                if (waiting.isEmpty()) {
                    served = IngestBench.seconds(killedAt);
                    break;
                }
                Thread.sleep(100);
            }
            results.put("state_loss_instances_left", left);
            results.put("state_loss_assigned_s", assigned);
            results.put("state_loss_served_s", served);
            results.row(
                    "state loss: processor #" + lost.number() + " killed, its state deleted",
                    String.format(
                            "its partitions assigned to the %d left after %.1f s, all folding again after %.1f s",
                            left, assigned, served),
                    "target: within 30 s");
            log.info("state loss: partitions assigned after {} s, folding again after {} s", assigned, served);
        }
        // the lost instance comes back empty, as a restarted pod on a new disk
        relaunch(lost);
    }

    private Admin admin() {
        return Admin.create(Map.<String, Object>of("bootstrap.servers", endpoints.bootstrapServers()));
    }

    private static Set<TopicPartition> inputPartitions(Admin admin) throws ExecutionException, InterruptedException {
        return admin.describeTopics(EVENT_TOPICS).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    private static Map<TopicPartition, Long> committed(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(FOLD_GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && EVENT_TOPICS.contains(partition.topic())) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found =
                admin.listOffsets(latest).all().get();
        Map<TopicPartition, Long> end = new HashMap<>();
        found.forEach((p, info) -> end.put(p, info.offset()));
        return end;
    }

    // ---------------------------------------------------------------- one instance: restore without a standby

    /**
     * Stops the first instance and starts it again with its state, then stops it, deletes its state and starts it
     * again: the restore time is the difference of the two times until ready, for the cards the fold holds.
     */
    void measureRestore(Results results) throws Exception {
        Instance instance = instances().get(0);
        long cards = cardsFolded();
        long changelog;
        try (Admin admin = admin()) {
            changelog = changelogRecords(admin);
        }
        double warm = restart(instance, false);
        double cold = restart(instances().get(0), true);
        double restore = cold - warm;
        results.put("restore_cards", cards);
        results.put("restore_changelog_records", changelog);
        results.put("restore_ready_with_state_s", warm);
        results.put("restore_ready_without_state_s", cold);
        results.put("restore_seconds", restore);
        // a restore shorter than the spread of two start-ups (a few thousand cards) cannot be told from it: no rate
        String measured = restore > 1
                ? String.format("%.1f s (%.0f cards/s)", restore, cards / restore)
                : "within the spread of the start-ups: too few cards to time";
        if (restore > 1) {
            results.put("restore_cards_per_s", cards / restore);
        }
        results.row(
                "restore without a standby: " + cards + " cards (" + changelog + " changelog records)",
                measured,
                String.format("ready %.1f s after a restart with its state, %.1f s without", warm, cold));
        log.info("restore: {} cards in {} s ({} ready with state, {} without)", cards, cold - warm, warm, cold);
    }

    /**
     * Stops the instance, starts it again (its state deleted first if asked) and answers the seconds until its
     * fold runs again: ready, and Kafka Streams' client logged its move from REBALANCING to RUNNING, which it makes
     * once every task's state is restored (the readiness probe alone counts restoring, a kind of rebalancing, as up).
     */
    private double restart(Instance instance, boolean withoutState) throws Exception {
        kill(instance, false);
        if (withoutState) {
            deleteTree(instance.stateDir());
        }
        Path log = logOf(instance);
        long logFrom = Files.exists(log) ? Files.size(log) : 0;
        long start = System.nanoTime();
        relaunch(instance);
        awaitReady(instance.port(), start);
        awaitLogged(log, logFrom, RUNNING, start);
        return IngestBench.seconds(start);
    }

    /** What Kafka Streams logs when every task is restored and the fold runs. */
    private static final String RUNNING = "State transition from REBALANCING to RUNNING";

    /** Waits until {@code line} is logged in {@code log} after its first {@code from} bytes, reading each byte once. */
    private static void awaitLogged(Path log, long from, String line, long start) throws Exception {
        long read = from;
        // the tail of what was read, so a line split between two reads is still found
        String carried = "";
        while (System.nanoTime() - start < TIMEOUT.toNanos()) {
            if (Files.exists(log) && Files.size(log) > read) {
                try (SeekableByteChannel in = Files.newByteChannel(log)) {
                    in.position(read);
                    ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(in.size() - read, 1 << 20));
                    read += in.read(chunk);
                    String text = carried + new String(chunk.array(), 0, chunk.position(), StandardCharsets.UTF_8);
                    if (text.contains(line)) {
                        return;
                    }
                    carried = text.substring(Math.max(0, text.length() - line.length()));
                }
                continue;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("'" + line + "' not logged in " + log + " within " + TIMEOUT);
    }

    private Path logOf(Instance instance) {
        return endpoints
                .pidDir()
                .resolveSibling("logs")
                .resolve("status-processor-" + instance.number() + "-restarted.log");
    }

    private long cardsFolded() throws Exception {
        try (Connection db =
                        DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                Statement sql = db.createStatement();
                ResultSet count = sql.executeQuery("SELECT count(*) FROM card_status")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static long changelogRecords(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> changelogs = admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(FOLD_GROUP + "-") && name.endsWith("-changelog"))
                .collect(Collectors.toSet());
        Set<TopicPartition> partitions = admin.describeTopics(changelogs).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(p -> earliest.put(p, OffsetSpec.earliest()));
        long first = admin.listOffsets(earliest).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
        long last = endOffsets(admin, partitions).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return last - first;
    }

    private void awaitReady(int port, long start) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() - start < TIMEOUT.toNanos()) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("processor on :" + port + " not ready within " + TIMEOUT);
    }

    // ---------------------------------------------------------------- processes

    private static void kill(Instance instance, boolean forcibly) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(instance.pid())
                .orElseThrow(() -> new IllegalStateException("processor pid " + instance.pid() + " is not running"));
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private synchronized void relaunch(Instance instance) throws IOException {
        Path logFile = logOf(instance);
        ProcessBuilder builder = new ProcessBuilder(instance.command())
                .directory(instance.cwd().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().clear();
        builder.environment().putAll(instance.env());
        Process process = builder.start();
        started.add(process);
        // the CPU and memory probes read the pid files: this one now names the new process
        Files.writeString(endpoints.pidDir().resolve(instance.pidFileName()), process.pid() + "\n");
        log.info("processor #{} started again as pid {}", instance.number(), process.pid());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Stops the instances this bench started. */
    @Override
    public synchronized void close() {
        for (Process process : started) {
            process.destroy();
        }
        for (Process process : started) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
