package com.zywa.cardstatus.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * Three (or more) {@link LocalKafka} nodes forming one KRaft cluster, each node both broker and controller: a
 * three-voter quorum outlives any one node, like three brokers, with three processes instead of six (the
 * alternative, three controllers beside three brokers, is what production runs but doubles the JVMs on a developer
 * machine for nothing more to see). Topics are replicated three times and a write needs two in-sync replicas, the
 * transaction log and consumer offsets included. Node {@code i} listens on {@code port + i - 1}, its controller on
 * {@code port + size + i - 1}; data under {@code home/node-i}, the cluster's ID in {@code home/cluster.id}.
 */
public final class LocalKafkaCluster implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final List<LocalKafka> nodes = new ArrayList<>();

    public LocalKafkaCluster(Path home, int size, int port, int partitions) throws IOException {
        List<Integer> ports = IntStream.range(0, size).mapToObj(i -> port + i).toList();
        List<Integer> controllerPorts =
                IntStream.range(0, size).mapToObj(i -> port + size + i).toList();
        String clusterId = clusterId(home);
        for (int node = 1; node <= size; node++) {
            nodes.add(
                    new LocalKafka(home.resolve("node-" + node), node, ports, controllerPorts, clusterId, partitions));
        }
    }

    /** Starts every node at once: a node's broker waits for a quorum of controllers, so one at a time would hang. */
    public void start() throws IOException {
        // a thread per node: the common pool may have a single thread on a small machine
        ExecutorService starters = Executors.newFixedThreadPool(nodes.size());
        try {
            List<CompletableFuture<Void>> started = nodes.stream()
                    .map(node -> CompletableFuture.runAsync(
                            () -> {
                                try {
                                    node.start();
                                } catch (IOException e) {
                                    throw new CompletionException(e);
                                }
                            },
                            starters))
                    .toList();
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } finally {
            starters.shutdown();
        }
    }

    public String bootstrapServers() {
        return String.join(",", nodes.stream().map(LocalKafka::bootstrapServers).toList());
    }

    private static String clusterId(Path home) throws IOException {
        Files.createDirectories(home);
        Path file = home.resolve("cluster.id");
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid().toString(), StandardCharsets.US_ASCII);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    /**
     * Stops every node at once, while the controllers still form a quorum (one after the other, the last node's
     * controlled shutdown waits forever for a quorum that left); gives up waiting after {@link #STOP_WAIT}: the log
     * directories recover from an unclean stop at the next start.
     */
    @Override
    public void close() {
        ExecutorService stoppers = Executors.newFixedThreadPool(nodes.size(), task -> {
            Thread thread = new Thread(task, "local-kafka-stop");
            thread.setDaemon(true);
            return thread;
        });
        nodes.forEach(node -> stoppers.execute(node::close));
        stoppers.shutdown();
        try {
            stoppers.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
