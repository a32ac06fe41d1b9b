package com.zywa.cardstatus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory (VmHWM) of each service since it started, read from /proc via the pid files of run-local. */
final class MemoryProbe {

    private final Path pidDir;

    MemoryProbe(Path pidDir) {
        this.pidDir = pidDir;
    }

    void report(Results results) throws IOException {
        for (String service : new String[] {"status-processor", "ingest-producer", "status-api"}) {
            long mb = peakRssMb(service);
            results.row("peak RSS " + service, mb + " MB", "");
            results.put(service.replace("status-", "").replace("-producer", "") + "_rss_mb", mb);
        }
    }

    private long peakRssMb(String service) throws IOException {
        Path pidFile = pidDir.resolve(service + ".pid");
        if (!Files.exists(pidFile)) {
            return -1;
        }
        Path status = Path.of("/proc", Files.readString(pidFile).strip(), "status");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
