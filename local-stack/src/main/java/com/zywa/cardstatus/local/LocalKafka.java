package com.zywa.cardstatus.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from the Kafka server
 * jars. Its log directory lives under {@code home}, so topics, offsets and the fold's changelog survive restarts.
 * The integration tests run the same broker, so what they prove holds for the local run.
 */
public final class LocalKafka implements AutoCloseable {

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private KafkaRaftServer server;

    LocalKafka(Path home, int port) {
        this(home, port, port + 1, 1);
    }

    /** A broker listening on {@code port}, its controller on {@code controllerPort}, new topics with {@code partitions}. */
    public LocalKafka(Path home, int port, int controllerPort, int partitions) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public void start() throws IOException {
        Files.createDirectories(home);
        Properties config = config();
        Path file = home.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "written by local-stack on every start");
        }
        if (!Files.exists(home.resolve("data/meta.properties"))) {
            int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                "-c", file.toString(), "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
            if (status != 0) {
                throw new IllegalStateException("formatting the Kafka log directory " + home + " failed (" + status + ")");
            }
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
    }

    private Properties config() {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", home.resolve("data").toAbsolutePath().toString());
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
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
