package com.zywa.cardstatus.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a class of the test classpath in a JVM of its own, so a test can kill it as a crash would. */
final class ChildJvm {

    private ChildJvm() {}

    /** Runs {@code mainClass} with {@code args}, its output appended to {@code log}. */
    static Process start(Class<?> mainClass, String heap, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * Waits until the service {@code process} runs answers 200 on its open readiness probe on {@code port}; fails at
     * once, naming {@code log}, if the process exits first.
     */
    static void awaitReady(Process process, int port, Path log) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                process.info().command().orElse("a child JVM") + " exited during start-up; see " + log);
                    }
                    return ready(port);
                });
    }

    /** Stops {@code process} as a service is stopped (SIGTERM), and as {@code kill -9} would after 30 s. */
    static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill(process);
            }
        }
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create("http://localhost:" + port + "/actuator/health/readiness")
                            .toURL()
                            .openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(3000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops {@code process} the way {@code kill -9} would: no shutdown hooks, no clean-up. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
