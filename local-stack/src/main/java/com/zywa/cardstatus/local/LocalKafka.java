package com.zywa.cardstatus.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka node in KRaft mode (broker and controller in one process), run from the Kafka server jars: alone, or
 * one of a cluster of nodes that are all broker and controller (see {@link LocalKafkaCluster}). Its log directory
 * lives under {@code home}, so topics, offsets and the fold's changelog survive restarts. The integration tests run
 * the same nodes, so what they prove holds for the local run.
 */
public final class LocalKafka implements AutoCloseable {

    private final Path home;
    private final int nodeId;
    private final List<Integer> ports;
    private final List<Integer> controllerPorts;
    private final String clusterId;
    private final int partitions;
    private final LocalKafkaSecurity security;
    private KafkaRaftServer server;

    LocalKafka(Path home, int port) {
        this(home, port, port + 1, 1);
    }

    /** A broker listening on {@code port}, its controller on {@code controllerPort}, new topics with {@code partitions}. */
    public LocalKafka(Path home, int port, int controllerPort, int partitions) {
        this(home, port, controllerPort, partitions, null);
    }

    /**
     * A broker as above whose clients log in with SASL/SCRAM and are authorized by ACLs ({@code security}, contract
     * §11.3); {@code null}, a PLAINTEXT broker that lets every client do anything.
     */
    public LocalKafka(Path home, int port, int controllerPort, int partitions, LocalKafkaSecurity security) {
        this(home, 1, List.of(port), List.of(controllerPort), Uuid.randomUuid().toString(), partitions, security);
    }

    /**
     * Node {@code nodeId} (1 to {@code ports.size()}) of a cluster whose node {@code i} listens on {@code ports[i-1]}
     * and {@code controllerPorts[i-1]}; every node of one cluster is given the same {@code clusterId}.
     */
    public LocalKafka(
            Path home,
            int nodeId,
            List<Integer> ports,
            List<Integer> controllerPorts,
            String clusterId,
            int partitions) {
        this(home, nodeId, ports, controllerPorts, clusterId, partitions, null);
    }

    private LocalKafka(
            Path home,
            int nodeId,
            List<Integer> ports,
            List<Integer> controllerPorts,
            String clusterId,
            int partitions,
            LocalKafkaSecurity security) {
        if (nodeId < 1 || nodeId > ports.size() || ports.size() != controllerPorts.size()) {
            throw new IllegalArgumentException("node " + nodeId + " of " + ports.size() + " nodes with "
                    + controllerPorts.size() + " controller ports");
        }
        this.home = home;
        this.nodeId = nodeId;
        this.ports = List.copyOf(ports);
        this.controllerPorts = List.copyOf(controllerPorts);
        this.clusterId = clusterId;
        this.partitions = partitions;
        this.security = security;
    }

    /** This node's broker address. */
    public String bootstrapServers() {
        return "localhost:" + ports.get(nodeId - 1);
    }

    public void start() throws IOException {
        Files.createDirectories(home);
        Properties config = config();
        Path file = home.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "written by local-stack on every start");
        }
        if (!Files.exists(home.resolve("data/meta.properties"))) {
            List<String> format =
                    new ArrayList<>(List.of("format", "-t", clusterId, "-c", file.toString(), "--ignore-formatted"));
            if (security != null) {
                format.addAll(security.formatArguments());
            }
            int status = StorageTool.execute(
                    format.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()));
            if (status != 0) {
                throw new IllegalStateException(
                        "formatting the Kafka log directory " + home + " failed (" + status + ")");
            }
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        if (security != null) {
            security.provision(bootstrapServers());
        }
    }

    private Properties config() {
        int port = ports.get(nodeId - 1);
        int controllerPort = controllerPorts.get(nodeId - 1);
        // one node: everything once; three or more: every record on three nodes, a write needs two of them
        String replicas = Integer.toString(Math.min(3, ports.size()));
        String minInsync = ports.size() >= 3 ? "2" : "1";
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(nodeId));
        config.put(
                "controller.quorum.voters",
                IntStream.range(0, controllerPorts.size())
                        .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
                        .collect(Collectors.joining(",")));
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (security != null) {
            security.configure(config, port, controllerPort);
        }
        config.put("log.dirs", home.resolve("data").toAbsolutePath().toString());
        config.put("default.replication.factor", replicas);
        config.put("min.insync.replicas", minInsync);
        config.put("offsets.topic.replication.factor", replicas);
        config.put("transaction.state.log.replication.factor", replicas);
        config.put("transaction.state.log.min.isr", minInsync);
        config.put("share.coordinator.state.topic.replication.factor", replicas);
        config.put("share.coordinator.state.topic.min.isr", minInsync);
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        config.put("num.partitions", Integer.toString(partitions));
        return config;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }
}
