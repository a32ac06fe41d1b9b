package com.zywa.cardstatus.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from the binaries published on Maven Central, unpacked and initialised under
 * {@code home} (the data directory survives restarts). PostgreSQL refuses to run as root, so as root the server
 * runs as the unprivileged {@code nobody} user; when {@code nobody} cannot enter {@code home} (a clone under
 * {@code /root}, or in a private temporary folder), the server's files live in a folder of {@code /var/tmp} named
 * after {@code home}, and {@code home/LOCATION} says where.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path home;
    private final int port;
    private Path server;

    public LocalPostgres(Path home, int port) {
        this.home = home.toAbsolutePath();
        this.server = this.home;
        this.port = port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void start() throws IOException, InterruptedException {
        if (ROOT) {
            server = reachableByServerUser();
        }
        Path bin = PostgresBinaries.unpack(server.resolve("binaries"));
        Path data = server.resolve("data");
        if (ROOT) {
            run(List.of("chown", "-R", "nobody:nogroup", server.toString()), false);
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            check(
                    run(
                            List.of(
                                    bin.resolve("initdb").toString(),
                                    "-D",
                                    data.toString(),
                                    "-U",
                                    "postgres",
                                    "-A",
                                    "trust",
                                    "-E",
                                    "UTF8",
                                    "--locale=C"),
                            true),
                    "initdb");
        }
        if (run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "status"), true) != 0) {
            check(
                    run(
                            List.of(
                                    bin.resolve("pg_ctl").toString(),
                                    "-D",
                                    data.toString(),
                                    "-w",
                                    "-t",
                                    "60",
                                    "-l",
                                    server.resolve("postgres.log").toString(),
                                    "-o",
                                    "-p " + port + " -h 127.0.0.1 -k " + data,
                                    "start"),
                            true),
                    "pg_ctl start");
        }
    }

    /** Where the server keeps its data: under {@code home}, or elsewhere when {@code nobody} cannot enter it. */
    public Path dataDirectory() {
        return server.resolve("data");
    }

    /**
     * {@code home} when {@code nobody} may enter it; otherwise a folder of {@code /var/tmp} (kept across reboots)
     * named after {@code home}, so each clone keeps its own server, recorded in {@code home/LOCATION}. When that
     * record is missing (the local folder was deleted to start from nothing), what the folder holds is from the
     * deleted one and is removed too, so the server starts empty, as it would under {@code home}.
     */
    private Path reachableByServerUser() throws IOException, InterruptedException {
        Files.createDirectories(home);
        run(List.of("chown", "nobody:nogroup", home.toString()), false);
        if (run(List.of("test", "-w", home.toString()), true) == 0) {
            return home;
        }
        Path base = Files.isDirectory(Path.of("/var/tmp"))
                ? Path.of("/var/tmp")
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path elsewhere = base.resolve(
                "card-status-postgres-" + Integer.toHexString(home.toString().hashCode()));
        Path location = home.resolve("LOCATION");
        if (!Files.exists(location) && Files.exists(elsewhere)) {
            Path pgCtl = elsewhere.resolve("binaries/bin/pg_ctl");
            if (Files.exists(pgCtl)) {
                run(
                        List.of(
                                pgCtl.toString(),
                                "-D",
                                elsewhere.resolve("data").toString(),
                                "-m",
                                "immediate",
                                "stop"),
                        true);
            }
            check(
                    run(List.of("rm", "-rf", elsewhere.toString()), false),
                    "removing the server of a deleted " + home.getParent().getFileName() + " folder");
        }
        Files.createDirectories(elsewhere);
        Files.writeString(
                location,
                "PostgreSQL runs as 'nobody', who cannot enter " + home + ", so its binaries, data and log are in "
                        + elsewhere + " (delete that folder with this one)\n");
        return elsewhere;
    }

    /** Creates the service's role and database unless they exist. */
    public void createDatabase(String name, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement sql = connection.createStatement()) {
            if (!sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")
                    .next()) {
                sql.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            }
            if (!sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")
                    .next()) {
                sql.execute("CREATE DATABASE " + name + " OWNER " + user);
            }
        }
    }

    /** Fails with the real cause: the last lines the step wrote, not only its status. */
    private void check(int status, String step) throws IOException {
        if (status != 0) {
            List<String> lines = Files.readAllLines(home.resolve("commands.log"));
            String last = String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            throw new IllegalStateException(step + " failed with status " + status + ":\n  " + last + "\n(see "
                    + home.resolve("commands.log") + " and " + server.resolve("postgres.log") + ")");
        }
    }

    private int run(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
        Files.createDirectories(home);
        List<String> full = new ArrayList<>();
        if (ROOT && asServerUser) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("commands.log").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 120 s");
        }
        return process.exitValue();
    }

    /**
     * Stops the server the way a crash does: every server process at once, nothing flushed (an immediate shutdown);
     * {@link #start()} brings it back on the same data, with crash recovery.
     */
    public void crash() throws IOException, InterruptedException {
        check(
                run(
                        List.of(
                                server.resolve("binaries/bin/pg_ctl").toString(),
                                "-D",
                                dataDirectory().toString(),
                                "-m",
                                "immediate",
                                "-w",
                                "stop"),
                        true),
                "pg_ctl stop -m immediate");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Path pgCtl = server.resolve("binaries/bin/pg_ctl");
        run(List.of(pgCtl.toString(), "-D", dataDirectory().toString(), "-m", "fast", "-w", "stop"), true);
    }
}
