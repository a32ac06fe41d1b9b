package com.zywa.cardstatus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds spent by each part of the stack between two moments, read from /proc: on a shared 2-core box they say
 * where the time of a measured phase went. PostgreSQL counts its postmaster and every backend under it.
 */
final class CpuProbe {

    static final double TICKS_PER_SECOND = 100.0;
    private static final List<String> SERVICES = List.of("status-processor", "ingest-producer", "status-api", "local-stack");

    private final Path pidDir;
    private final Path postgresPidFile;

    CpuProbe(Path pidDir, Path postgresPidFile) {
        this.pidDir = pidDir;
        this.postgresPidFile = postgresPidFile;
    }

    /** CPU ticks by part at this moment; "machine" is the whole box, busy ticks of all cores. */
    Map<String, Long> snapshot() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ticks.put(service.equals("local-stack") ? "kafka-broker" : service, processTicks(pid(pidDir.resolve(service + ".pid"))));
        }
        ticks.put("postgresql", postgresTicks());
        ticks.put("bench", processTicks(ProcessHandle.current().pid()));
        ticks.put("machine", machineBusyTicks());
        return ticks;
    }

    /** The CPU seconds of each part between {@code before} and {@code after}, as one line. */
    static String between(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder line = new StringBuilder();
        before.forEach((part, ticks) -> line.append(line.isEmpty() ? "" : ", ").append(part).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.1f", (after.get(part) - ticks) / TICKS_PER_SECOND)));
        return line.toString();
    }

    static double seconds(Map<String, Long> before, Map<String, Long> after, String part) {
        return (after.get(part) - before.get(part)) / TICKS_PER_SECOND;
    }

    private long postgresTicks() throws IOException {
        long postmaster = pid(postgresPidFile);
        if (postmaster < 0) {
            return 0;
        }
        long total = processTicks(postmaster);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                String[] stat = stat(process);
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return total;
    }

    /** CPU ticks (1/100 s) a process has used since it started; 0 when it is not running. */
    static long processTicks(long pid) {
        String[] stat = pid < 0 ? null : stat(Path.of("/proc", Long.toString(pid)));
        return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /** The fields of /proc/PID/stat after the command name (state first), or null when the process is gone. */
    private static String[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    private static long machineBusyTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length; i++) {
            if (i != 4 && i != 5) { // idle and iowait
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy;
    }

    /** The process ID a pid file names, or -1 when there is no such file. */
    static long pid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return -1;
        }
        return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    }
}
