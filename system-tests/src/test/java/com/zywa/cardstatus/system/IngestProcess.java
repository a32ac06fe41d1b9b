package com.zywa.cardstatus.system;

import com.zywa.cardstatus.ingest.IngestProducerApplication;
import java.io.IOException;
import java.nio.file.Path;
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
        int port = ChildJvm.freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + pipeline.bootstrapServers(),
                "--spring.datasource.url=" + pipeline.database().url(),
                "--spring.datasource.username=" + pipeline.database().user(),
                "--spring.datasource.password=" + pipeline.database().password(),
                "--cardstatus.ingest.instance-id=" + instanceId,
                "--spring.kafka.producer.properties.transaction.timeout.ms=60000"));
        args.addAll(Pipeline.apiKeyArgs());
        args.addAll(Pipeline.personalDataArgs());
        args.addAll(List.of(extraArgs));
        Process process = ChildJvm.start(IngestProducerApplication.class, "256m", log, args);
        ChildJvm.awaitReady(process, port, log);
        return new IngestProcess(process, port);
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Stops the process the way a crash or {@code kill -9} would: no shutdown hooks, no clean-up. */
    void kill() throws InterruptedException {
        ChildJvm.kill(process);
    }

    @Override
    public void close() throws InterruptedException {
        ChildJvm.stop(process);
    }
}
