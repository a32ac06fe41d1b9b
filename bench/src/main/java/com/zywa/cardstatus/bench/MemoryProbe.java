package com.zywa.cardstatus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory (VmHWM) and CPU time of each service since it started, read from /proc via the pid files
 * of run-local: on a shared 2-core box, CPU seconds say where the time went.
 */
final class MemoryProbe {

    private final Path pidDir;

    MemoryProbe(Path pidDir) {
        this.pidDir = pidDir;
    }

    void report(Results results) throws IOException {
        results.row("CPU time of the Kafka broker (local-stack)", cpuSeconds("local-stack") + " s", "");
        for (String service : new String[] {"status-processor", "ingest-producer", "status-api"}) {
            long mb = peakRssMb(service);
            results.row("peak RSS / CPU time " + service, mb + " MB / " + cpuSeconds(service) + " s", "");
            results.put(service.replace("status-", "").replace("-producer", "") + "_rss_mb", mb);
        }
    }

    private long cpuSeconds(String service) throws IOException {
        long pid = CpuProbe.pid(pidDir.resolve(service + ".pid"));
        return pid < 0 ? -1 : (long) (CpuProbe.processTicks(pid) / CpuProbe.TICKS_PER_SECOND);
    }

    private long peakRssMb(String service) throws IOException {
        long pid = CpuProbe.pid(pidDir.resolve(service + ".pid"));
        if (pid < 0) {
            return -1;
        }
        Path status = Path.of("/proc", Long.toString(pid), "status");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
