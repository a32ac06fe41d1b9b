package com.zywa.cardstatus.system;

import com.zywa.cardstatus.processor.StatusProcessorApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A status-processor (the fold and the projection writer) running as its own operating-system process on a given
 * broker and database, with its fold's state in a given folder, so a test can kill it as a crash would.
 */
final class ProcessorProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ProcessorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the processor and waits until its readiness (fold running, projection writing) answers 200. */
    static ProcessorProcess start(
            String bootstrapServers, Pipeline.Database database, Path stateDir, Path log, String... extraArgs)
            throws IOException {
        int port = ChildJvm.freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.streams.state-dir=" + stateDir));
        args.addAll(Pipeline.personalDataArgs());
        args.addAll(List.of(extraArgs));
        Process process = ChildJvm.start(StatusProcessorApplication.class, "384m", log, args);
        ChildJvm.awaitReady(process, port, log);
        return new ProcessorProcess(process, port);
    }

    /** SIGKILL: no shutdown hooks, the fold's open transaction and its local state left as they are. */
    void kill() throws InterruptedException {
        ChildJvm.kill(process);
    }

    @Override
    public void close() throws InterruptedException {
        ChildJvm.stop(process);
    }
}
