package com.zywa.cardstatus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuProbeTests {

    @Test
    void findsEveryInstanceOfAServiceInInstanceOrder(@TempDir Path pids) throws IOException {
        pidFile(pids, "status-processor-10", 110);
        pidFile(pids, "status-processor", 101);
        pidFile(pids, "status-processor-2", 102);
        pidFile(pids, "status-processor-old", 999);
        pidFile(pids, "status-api", 200);

        assertThat(CpuProbe.pids(pids, "status-processor")).containsExactly(101L, 102L, 110L);
        assertThat(CpuProbe.pids(pids, "status-api")).containsExactly(200L);
        assertThat(CpuProbe.pids(pids, "ingest-producer")).isEmpty();
        assertThat(CpuProbe.pids(pids.resolve("none"), "status-api")).isEmpty();
    }

    @Test
    void aServiceCostsTheSumOfItsInstances(@TempDir Path pids) throws IOException {
        pidFilesOfAStack(pids);
        Map<Long, Long> ticks = new HashMap<>(Map.of(101L, 1_000L, 102L, 2_000L, 103L, 3_000L, 201L, 500L, 301L, 70L));

        Map<String, Long> snapshot = new CpuProbe(
                        pids, pids.resolve("postmaster.pid"), pid -> ticks.getOrDefault(pid, 0L), pid -> 0L)
                .snapshot();

        assertThat(snapshot)
                .containsEntry("status-processor", 6_000L)
                .containsEntry("ingest-producer", 500L)
                .containsEntry("status-api", 0L)
                .containsEntry("kafka-broker", 70L)
                .containsEntry("postgresql", 0L);
    }

    @Test
    void theJitCompilersOfEachJvmPartAreCountedApart(@TempDir Path pids) throws IOException {
        pidFilesOfAStack(pids);
        Map<Long, Long> compilers = new HashMap<>(Map.of(101L, 100L, 102L, 50L, 201L, 20L, 301L, 7L));
        CpuProbe probe = new CpuProbe(
                pids, pids.resolve("postmaster.pid"), pid -> 1_000_000L, pid -> compilers.getOrDefault(pid, 0L));

        Map<String, Long> before = probe.compilerSnapshot();
        compilers.merge(101L, 400L, Long::sum);
        compilers.merge(301L, 150L, Long::sum);
        compilers.put(201L, 0L); // its compiler thread ended: a lower bound, never a negative cost
        Map<String, Long> after = probe.compilerSnapshot();

        assertThat(before)
                .containsExactly(
                        entry("status-processor", 150L),
                        entry("ingest-producer", 20L),
                        entry("status-api", 0L),
                        entry("kafka-broker", 7L));
        Map<String, Double> perMillion = CpuProbe.compilerPerMillionRows(before, after, 500_000);
        assertThat(perMillion.keySet()).containsExactly("processor", "ingest", "api", "broker", "stack");
        assertThat(perMillion.get("processor")).isCloseTo(8.0, within(1e-9));
        assertThat(perMillion.get("ingest")).isCloseTo(0.0, within(1e-9));
        assertThat(perMillion.get("broker")).isCloseTo(3.0, within(1e-9));
        assertThat(perMillion.get("stack")).isCloseTo(11.0, within(1e-9));
    }

    @Test
    void theCompilerThreadsOfARunningJvmAreFoundInProc() {
        long self = ProcessHandle.current().pid();

        // this JVM runs tiered compilation: at least one C1 and one C2 compiler thread
        assertThat(CpuProbe.compilerThreads(self)).isNotEmpty();
        assertThat(CpuProbe.compilerTicks(self)).isBetween(0L, CpuProbe.processTicks(self));
        assertThat(CpuProbe.compilerThreads(-1)).isEmpty();
        assertThat(CpuProbe.compilerThreads(Long.MAX_VALUE)).isEmpty();
        assertThat(CpuProbe.compilerTicks(Long.MAX_VALUE)).isZero();
    }

    @Test
    void onlyTheJitCompilerThreadsCount() {
        assertThat(CpuProbe.isCompilerThread("C2 CompilerThre")).isTrue();
        assertThat(CpuProbe.isCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(CpuProbe.isCompilerThread("GC Thread#0")).isFalse();
        assertThat(CpuProbe.isCompilerThread("card-status-pro")).isFalse();
        assertThat(CpuProbe.isCompilerThread("Sweeper thread")).isFalse();
        assertThat(CpuProbe.isCompilerThread(null)).isFalse();
    }

    @Test
    void costsPerMillionRowsCountOnlyTheMeasuredPhase() {
        Map<String, Long> before = ticks(1_000, 500, 100, 300, 200, 50, 10_000);
        Map<String, Long> after = ticks(3_000, 1_500, 110, 800, 600, 150, 15_000);

        Map<String, Double> perMillion = CpuProbe.perMillionRows(before, after, 250_000);

        assertThat(perMillion.keySet())
                .containsExactly("processor", "ingest", "api", "broker", "postgresql", "stack", "bench", "machine");
        assertThat(perMillion.get("processor")).isCloseTo(80.0, within(1e-9));
        assertThat(perMillion.get("ingest")).isCloseTo(40.0, within(1e-9));
        assertThat(perMillion.get("api")).isCloseTo(0.4, within(1e-9));
        assertThat(perMillion.get("broker")).isCloseTo(20.0, within(1e-9));
        assertThat(perMillion.get("postgresql")).isCloseTo(16.0, within(1e-9));
        assertThat(perMillion.get("stack")).isCloseTo(156.4, within(1e-9));
        assertThat(perMillion.get("bench")).isCloseTo(4.0, within(1e-9));
        assertThat(perMillion.get("machine")).isCloseTo(200.0, within(1e-9));
    }

    private static Map<String, Long> ticks(
            long processor, long ingest, long api, long broker, long postgresql, long bench, long machine) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        List.of("status-processor", "ingest-producer", "status-api", "kafka-broker", "postgresql", "bench", "machine")
                .forEach(part -> ticks.put(part, 0L));
        ticks.put("status-processor", processor);
        ticks.put("ingest-producer", ingest);
        ticks.put("status-api", api);
        ticks.put("kafka-broker", broker);
        ticks.put("postgresql", postgresql);
        ticks.put("bench", bench);
        ticks.put("machine", machine);
        return ticks;
    }

    /** Three processor instances (pids 101-103), ingest (201) and the local stack with the broker (301). */
    private static void pidFilesOfAStack(Path dir) throws IOException {
        pidFile(dir, "status-processor", 101);
        pidFile(dir, "status-processor-2", 102);
        pidFile(dir, "status-processor-3", 103);
        pidFile(dir, "ingest-producer", 201);
        pidFile(dir, "local-stack", 301);
    }

    private static void pidFile(Path dir, String name, long pid) throws IOException {
        Files.writeString(dir.resolve(name + ".pid"), pid + "\n");
    }
}
