package com.zywa.cardstatus.system;

import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.ingest.IngestProducerApplication;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An ingest-producer running as its own operating-system process (so a test can kill it like a crash would),
 * on the shared broker and database, with a chosen instance ID.
 */
final class IngestProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private IngestProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static IngestProcess start(Pipeline pipeline, String instanceId, Path log, String... extraArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), IngestProducerApplication.class.getName(),
                "--server.port=" + port, "--spring.kafka.bootstrap-servers=" + pipeline.bootstrapServers(),
                "--spring.datasource.url=" + pipeline.database().url(),
                "--spring.datasource.username=" + pipeline.database().user(),
                "--spring.datasource.password=" + pipeline.database().password(), "--ingest.instance-id=" + instanceId,
                "--spring.kafka.producer.properties.transaction.timeout.ms=60000"));
        command.addAll(Pipeline.apiKeyArgs());
        command.addAll(List.of(extraArgs));
        File logFile = log.toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile)).start();
        IngestProcess ingest = new IngestProcess(process, port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("ingest-producer exited during start-up; see " + logFile);
            }
            return ingest.healthy();
        });
        return ingest;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Stops the process the way a crash or {@code kill -9} would: no shutdown hooks, no clean-up. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    private boolean healthy() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/actuator/health").toURL()
                    .openConnection();
            connection.setRequestProperty("X-API-Key", TestCredentials.METRICS_KEY);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
