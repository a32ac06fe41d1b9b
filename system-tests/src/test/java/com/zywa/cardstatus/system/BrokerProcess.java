package com.zywa.cardstatus.system;

import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.local.LocalKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A node of local-stack's {@link LocalKafka} (alone, or one of a KRaft cluster) running as its own operating-system
 * process, so a test can kill it with SIGKILL and start it again on the same ports and log directory.
 */
final class BrokerProcess implements AutoCloseable {

    /** Where the nodes of one cluster live and listen; fixed once, so a restarted node comes back as itself. */
    record Layout(Path home, String clusterId, List<Integer> ports, List<Integer> controllerPorts, int partitions) {

        static Layout of(Path home, int nodes, int partitions) throws IOException {
            List<Integer> ports = new ArrayList<>();
            List<Integer> controllerPorts = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                ports.add(ChildJvm.freePort());
                controllerPorts.add(ChildJvm.freePort());
            }
            return new Layout(home, Uuid.randomUuid().toString(), ports, controllerPorts, partitions);
        }

        String bootstrapServers() {
            return ports.stream().map(port -> "localhost:" + port).collect(Collectors.joining(","));
        }

        Path nodeHome(int node) {
            return home.resolve("node-" + node);
        }
    }

    private final Layout layout;
    private final int node;
    private Process process;

    private BrokerProcess(Layout layout, int node) {
        this.layout = layout;
        this.node = node;
    }

    /** Starts every node of {@code layout} at once (a node's broker waits for a quorum) and waits until all serve. */
    static List<BrokerProcess> startAll(Layout layout) throws IOException {
        List<BrokerProcess> nodes = new ArrayList<>();
        for (int node = 1; node <= layout.ports().size(); node++) {
            BrokerProcess broker = new BrokerProcess(layout, node);
            broker.launch();
            nodes.add(broker);
        }
        nodes.forEach(BrokerProcess::awaitReady);
        return nodes;
    }

    /** Starts this node again (after {@link #kill()}), on its ports and log directory, and waits until it serves. */
    void restart() throws IOException {
        launch();
        awaitReady();
    }

    int node() {
        return node;
    }

    /** SIGKILL: no controlled shutdown, no flush beyond what the operating system already has. */
    void kill() throws InterruptedException {
        ChildJvm.kill(process);
    }

    private void launch() throws IOException {
        Path home = layout.nodeHome(node);
        Files.createDirectories(home);
        Files.deleteIfExists(home.resolve("ready"));
        process = ChildJvm.start(
                BrokerProcess.class,
                "384m",
                home.resolve("broker.log"),
                List.of(
                        home.toString(),
                        Integer.toString(node),
                        layout.clusterId(),
                        Integer.toString(layout.partitions()),
                        join(layout.ports()),
                        join(layout.controllerPorts())));
    }

    private void awaitReady() {
        Path ready = layout.nodeHome(node).resolve("ready");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Kafka node " + node + " exited; see "
                                + layout.nodeHome(node).resolve("broker.log"));
                    }
                    return Files.exists(ready);
                });
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The node's process: {@code home node clusterId partitions ports controllerPorts}; runs until killed. */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        LocalKafka kafka = new LocalKafka(
                home, Integer.parseInt(args[1]), ports(args[4]), ports(args[5]), args[2], Integer.parseInt(args[3]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        kafka.start();
        Files.createFile(home.resolve("ready"));
        new CountDownLatch(1).await();
    }

    private static List<Integer> ports(String list) {
        return Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
    }
}
