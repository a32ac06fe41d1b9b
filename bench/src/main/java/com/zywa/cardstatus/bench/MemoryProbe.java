package com.zywa.cardstatus.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Peak resident memory (VmHWM) and CPU time of each service since it started, read from /proc via the pid files
 * of run-local: on a shared 2-core box, CPU seconds say where the time went. Each instance of a service that runs
 * several (the status processor) has its own line; its RSS figure is the largest of them.
 */
final class MemoryProbe {

    private final Path pidDir;

    MemoryProbe(Path pidDir) {
        this.pidDir = pidDir;
    }

    void report(Results results) throws IOException {
        for (long pid : CpuProbe.pids(pidDir, "local-stack")) {
            results.row("CPU time of the Kafka broker (local-stack)", cpuSeconds(pid) + " s", "");
        }
        for (String service : new String[] {"status-processor", "ingest-producer", "status-api"}) {
            List<Long> pids = CpuProbe.pids(pidDir, service);
            long peak = -1;
            for (int i = 0; i < pids.size(); i++) {
                long mb = peakRssMb(pids.get(i));
                peak = Math.max(peak, mb);
                String name = pids.size() == 1 ? service : service + " #" + (i + 1);
                results.row("peak RSS / CPU time " + name, mb + " MB / " + cpuSeconds(pids.get(i)) + " s", "");
            }
            results.put(service.replace("status-", "").replace("-producer", "") + "_rss_mb", peak);
        }
        // the fold's local state (RocksDB) on disk, each processor instance's, and their sum
        long stateBytes = 0;
        List<Long> processors = CpuProbe.pids(pidDir, "status-processor");
        for (int i = 0; i < processors.size(); i++) {
            Path dir = stateDir(processors.get(i));
            if (dir != null) {
                long bytes = size(dir);
                stateBytes += bytes;
                results.row(
                        "local state on disk, status-processor" + (processors.size() == 1 ? "" : " #" + (i + 1)),
                        bytes / (1024 * 1024) + " MB",
                        "");
            }
        }
        results.put("processor_state_mb", stateBytes / (1024 * 1024));
    }

    /** The Streams state directory a processor was started with (run-local sets it), or null if it cannot tell. */
    private static Path stateDir(long pid) {
        try {
            return StateLoss.read(0, pid).stateDir();
        } catch (IOException | IllegalStateException gone) {
            return null; // the process ended, or was started without a state directory of its own
        }
    }

    /** The bytes of the files under {@code dir}; a file RocksDB removes meanwhile (compaction) counts for nothing. */
    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] bytes = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                bytes[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException gone) {
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }

    private static long cpuSeconds(long pid) {
        return (long) (CpuProbe.processTicks(pid) / CpuProbe.TICKS_PER_SECOND);
    }

    private static long peakRssMb(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
