package com.zywa.cardstatus.system;

import com.zywa.cardstatus.local.LocalKafka;
import com.zywa.cardstatus.local.LocalKafkaSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A real single-node KRaft broker for a test, on free ports with its log directory in a temporary folder deleted on
 * close: the same broker {@code ./run-local} runs, built from Kafka's own server jars.
 */
final class TestBroker implements AutoCloseable {

    private final Path home;
    private final LocalKafka kafka;

    private TestBroker(Path home, LocalKafka kafka) {
        this.home = home;
        this.kafka = kafka;
    }

    static TestBroker start(int partitions) {
        return start(partitions, null);
    }

    /**
     * A broker whose clients log in with SASL/SCRAM and are authorized by ACLs ({@code security}, as
     * {@code LOCAL_KAFKA_SECURITY=sasl ./run-local} runs it), or, with {@code null}, a PLAINTEXT one.
     */
    static TestBroker start(int partitions, LocalKafkaSecurity security) {
        try {
            Path home = Files.createTempDirectory("card-status-kafka");
            LocalKafka kafka = new LocalKafka(home, freePort(), freePort(), partitions, security);
            kafka.start();
            return new TestBroker(home, kafka);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the test's Kafka broker failed", e);
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        kafka.close();
        FileSystemUtils.deleteRecursively(home.toFile());
    }
}
