package com.zywa.cardstatus.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of the test classpath in a JVM of its own, so a test can kill it as a crash would. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Runs {@code mainClass} with {@code args}, its output appended to {@code log}. */
    static Process start(Class<?> mainClass, String heap, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
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
