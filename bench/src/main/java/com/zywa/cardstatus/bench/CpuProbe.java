package com.zywa.cardstatus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU seconds spent by each part of the stack between two moments, read from /proc: on a shared 2-core box they say
 * where the time of a measured phase went. A service counts all its instances (run-local's pid files
 * {@code status-processor.pid}, {@code status-processor-2.pid}, ...); PostgreSQL its postmaster and every backend.
 */
final class CpuProbe {

    static final double TICKS_PER_SECOND = 100.0;
    /** The parts run from pid files, by the name of their pid files. */
    private static final List<String> PARTS =
            List.of("status-processor", "ingest-producer", "status-api", "kafka-broker");
    /** The short name of each part of the stack, for the per-million-rows figures. */
    private static final Map<String, String> SHORT_NAMES = Map.of(
            "status-processor",
            "processor",
            "ingest-producer",
            "ingest",
            "status-api",
            "api",
            "kafka-broker",
            "broker",
            "postgresql",
            "postgresql");
    /** The parts of the stack: the ones run from pid files, and PostgreSQL. */
    private static final List<String> STACK =
            Stream.concat(PARTS.stream(), Stream.of("postgresql")).toList();

    /** How the JVM names its JIT compiler threads (C1 and C2), as /proc shows them (15 characters at most). */
    private static final Pattern COMPILER_THREAD = Pattern.compile("C[12] CompilerThre.*");

    private final Path pidDir;
    private final Path postgresPidFile;
    private final LongUnaryOperator ticksOfPid;
    private final LongUnaryOperator compilerTicksOfPid;

    CpuProbe(Path pidDir, Path postgresPidFile) {
        this(pidDir, postgresPidFile, CpuProbe::processTicks, CpuProbe::compilerTicks);
    }

    CpuProbe(Path pidDir, Path postgresPidFile, LongUnaryOperator ticksOfPid, LongUnaryOperator compilerTicksOfPid) {
        this.pidDir = pidDir;
        this.postgresPidFile = postgresPidFile;
        this.ticksOfPid = ticksOfPid;
        this.compilerTicksOfPid = compilerTicksOfPid;
    }

    /** CPU ticks by part at this moment; "machine" is the whole box, busy ticks of all cores. */
    Map<String, Long> snapshot() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String part : PARTS) {
            ticks.put(part, ticksOfInstances(part, ticksOfPid));
        }
        ticks.put("postgresql", postgresTicks());
        ticks.put("bench", ticksOfPid.applyAsLong(ProcessHandle.current().pid()));
        ticks.put("machine", machineBusyTicks());
        return ticks;
    }

    /**
     * CPU ticks by JVM part of the stack (processor, ingest, api, broker) at this moment, spent by its JIT compiler
     * threads only: compiling is what a cold JVM does and a warm one no longer does, so this tells how much of a
     * measured phase was still warming up. A compiler thread the JVM stopped in between takes its ticks with it, so
     * a difference of two snapshots is a lower bound.
     */
    Map<String, Long> compilerSnapshot() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String part : PARTS) {
            ticks.put(part, ticksOfInstances(part, compilerTicksOfPid));
        }
        return ticks;
    }

    /**
     * JIT compiler CPU seconds per million rows of each JVM part between two {@link #compilerSnapshot}s, then their
     * sum "stack"; never below zero (see there).
     */
    static Map<String, Double> compilerPerMillionRows(Map<String, Long> before, Map<String, Long> after, long rows) {
        return perMillionRowsWithStack(PARTS, before, after, rows, true);
    }

    /** The sum over a part's instances (the broker: the local stack's process) of what {@code ticks} counts. */
    private long ticksOfInstances(String part, LongUnaryOperator ticks) throws IOException {
        String pidFiles = part.equals("kafka-broker") ? "local-stack" : part;
        return pids(pidDir, pidFiles).stream().mapToLong(ticks::applyAsLong).sum();
    }

    /**
     * The process IDs of a service's instances, in instance order: from {@code NAME.pid} (the first) and
     * {@code NAME-2.pid}, {@code NAME-3.pid}, ... as run-local writes them.
     */
    static List<Long> pids(Path pidDir, String name) throws IOException {
        if (!Files.isDirectory(pidDir)) {
            return List.of();
        }
        Pattern instance = Pattern.compile(Pattern.quote(name) + "(?:-([0-9]+))?\\.pid");
        Map<Integer, Path> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(pidDir)) {
            all.forEach(file -> {
                Matcher matcher = instance.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    files.put(matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1)), file);
                }
            });
        }
        List<Long> pids = new ArrayList<>();
        for (Path file : files.values()) {
            pids.add(pid(file));
        }
        return pids;
    }

    /**
     * CPU seconds per million rows of each part between two snapshots of a phase that handled {@code rows} rows:
     * processor, ingest, api, broker, postgresql, their sum "stack", then "bench" (the load generator) and "machine"
     * (the whole box, other users included).
     */
    static Map<String, Double> perMillionRows(Map<String, Long> before, Map<String, Long> after, long rows) {
        Map<String, Double> perRows = perMillionRowsWithStack(STACK, before, after, rows, false);
        perRows.put("bench", seconds(before, after, "bench") * 1e6 / rows);
        perRows.put("machine", seconds(before, after, "machine") * 1e6 / rows);
        return perRows;
    }

    /**
     * CPU seconds per million rows of each of {@code parts} (by short name), then their sum "stack"; with
     * {@code atLeastZero}, a part that seems to have lost ticks in between counts as zero.
     */
    private static Map<String, Double> perMillionRowsWithStack(
            List<String> parts, Map<String, Long> before, Map<String, Long> after, long rows, boolean atLeastZero) {
        Map<String, Double> perRows = new LinkedHashMap<>();
        double stack = 0;
        for (String part : parts) {
            double seconds = seconds(before, after, part);
            double value = (atLeastZero ? Math.max(0, seconds) : seconds) * 1e6 / rows;
            perRows.put(shortName(part), value);
            stack += value;
        }
        perRows.put("stack", stack);
        return perRows;
    }

    /** The name a part goes by in the per-row and per-request figures: "api" for status-api, and so on. */
    static String shortName(String part) {
        return SHORT_NAMES.getOrDefault(part, part);
    }

    /** The CPU seconds of each part between {@code before} and {@code after}, as one line. */
    static String between(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder line = new StringBuilder();
        before.forEach((part, ticks) -> line.append(line.isEmpty() ? "" : ", ")
                .append(part)
                .append(' ')
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
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .toList()) {
                String[] stat = stat(process);
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    total += ticks(stat);
                }
            }
        }
        return total;
    }

    /** CPU ticks (1/100 s) a process has used since it started; 0 when it is not running. */
    static long processTicks(long pid) {
        String[] stat = pid < 0 ? null : stat(Path.of("/proc", Long.toString(pid)));
        return stat == null ? 0 : ticks(stat);
    }

    /** CPU ticks the JIT compiler threads of a JVM now running have used; 0 when it is not running. */
    static long compilerTicks(long pid) {
        long total = 0;
        for (Path thread : compilerThreads(pid)) {
            String[] stat = stat(thread);
            if (stat != null) {
                total += ticks(stat);
            }
        }
        return total;
    }

    /** The /proc directories of a running JVM's JIT compiler threads; none when it is not running. */
    static List<Path> compilerThreads(long pid) {
        if (pid < 0) {
            return List.of();
        }
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.filter(thread -> isCompilerThread(threadName(thread)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // the process is gone, or went while its threads were listed
        }
    }

    /** Whether a thread's name, as /proc shows it (15 characters at most), is that of a C1 or C2 compiler thread. */
    static boolean isCompilerThread(String name) {
        return name != null && COMPILER_THREAD.matcher(name).matches();
    }

    private static String threadName(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException e) {
            return null; // the thread ended meanwhile
        }
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

    /** The user and system CPU ticks in the fields of {@link #stat}. */
    private static long ticks(String[] stat) {
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
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
