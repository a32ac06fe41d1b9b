package com.zywa.cardstatus.system;

import com.zywa.cardstatus.local.LocalPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of the test's own (from the Maven-published binaries, on a free port, started empty), for
 * tests that stop or freeze the database: never the one other tests or people share.
 */
final class OwnPostgres implements AutoCloseable {

    private static final String DATABASE = "cardstatus_own";

    private final LocalPostgres server;

    private OwnPostgres(LocalPostgres server) {
        this.server = server;
    }

    /** Starts an empty server under {@code target/<name>}. */
    static OwnPostgres start(String name) throws Exception {
        Path home = Path.of("target", name);
        FileSystemUtils.deleteRecursively(home);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LocalPostgres server = new LocalPostgres(home, port);
        server.start();
        server.createDatabase(DATABASE, "cardstatus", "cardstatus");
        return new OwnPostgres(server);
    }

    Pipeline.Database database() {
        return new Pipeline.Database(server.jdbcUrl(DATABASE), "cardstatus", "cardstatus");
    }

    /** Stops every server process at once, as a crash would. */
    void crash() throws Exception {
        server.crash();
    }

    /** Starts it again on the same data (crash recovery). */
    void restart() throws Exception {
        server.start();
    }

    /** Freezes every server process (SIGSTOP): connections stay open and nothing answers. */
    void hang() throws Exception {
        long postmaster = postmaster();
        signal("STOP", List.of(postmaster));
        signal(
                "STOP",
                ProcessHandle.of(postmaster)
                        .orElseThrow()
                        .descendants()
                        .map(ProcessHandle::pid)
                        .toList());
    }

    /** Lets every server process run on (SIGCONT). */
    void resume() throws Exception {
        long postmaster = postmaster();
        List<Long> all = new ArrayList<>(ProcessHandle.of(postmaster)
                .orElseThrow()
                .descendants()
                .map(ProcessHandle::pid)
                .toList());
        all.add(postmaster);
        signal("CONT", all);
    }

    private long postmaster() throws IOException {
        return Long.parseLong(Files.readAllLines(server.dataDirectory().resolve("postmaster.pid"))
                .get(0)
                .strip());
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with status " + status);
        }
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(server.dataDirectory().resolve("postmaster.pid"))) {
            resume();
        }
        server.close();
        // its files: under target/, or (as root in a folder nobody may enter) in /var/tmp, where nothing else removes
        // them
        FileSystemUtils.deleteRecursively(server.dataDirectory().getParent());
    }
}
