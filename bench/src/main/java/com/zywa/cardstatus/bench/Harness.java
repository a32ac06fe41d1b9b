package com.zywa.cardstatus.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the running service (started by {@code bench/run} the way {@code ./run-local} starts it) on a
 * generated data set, each figure beside a baseline measured in the same run on the same machine.
 */
final class Harness {

    private static final Logger log = LoggerFactory.getLogger(Harness.class);

    /** Phones opened one at a time to measure the vault's CPU per lookup. */
    private static final int VAULT_LOOKUPS = 20_000;

    private final Endpoints endpoints;
    private final long rows;
    private final long seed;
    private final Path data;
    private final Duration apiDuration;
    private final Duration apiWarmup;
    private final int freshnessEvents;
    private final int notifierEvents;
    private final long warmupRows;
    private final int partitions;
    private final boolean rebuild;
    private final long searchCards;
    private final boolean loseState;

    Harness(Options options, long rows, long seed, Path data) {
        this.endpoints = Endpoints.fromEnvironment();
        this.rows = rows;
        this.seed = seed;
        this.data = data;
        this.apiDuration = Duration.ofSeconds(options.number("api-seconds", 20));
        this.apiWarmup = Duration.ofSeconds(options.number("api-warmup-seconds", 60));
        this.freshnessEvents = (int) options.number("freshness-events", 300);
        this.notifierEvents = (int) options.number("notifier-events", 5_000);
        this.warmupRows = options.number("warmup-rows", defaultWarmupRows(rows, processorInstances(endpoints)));
        this.partitions = (int) options.number("partitions", 3);
        this.rebuild = options.number("rebuild", 0) != 0;
        this.searchCards = options.number("search-cards", 0);
        this.loseState = options.number("lose-state", 0) != 0;
    }

    /**
     * As many warm-up rows as measured ones, at least 200,000, for each processor instance: after a warm-up of 200,000
     * rows the JIT compilers still took a fifth of the stack's CPU in a measured run of 1,000,000 rows on a 2-core box
     * (the broker the most); after 1,000,000 about an eighth. Each processor instance compiles the fold for itself
     * from the share of the rows it folds: with three sharing a warm-up of one instance's size, the compilers took 58
     * of the processors' 140 CPU seconds per 1M rows in the measured phase, against 11 of 92 with one (bench/README.md,
     * "Scaling out").
     */
    static long defaultWarmupRows(long rows, int processorInstances) {
        return Math.max(rows, 200_000) * Math.max(1, processorInstances);
    }

    private static int processorInstances(Endpoints endpoints) {
        try {
            return CpuProbe.pids(endpoints.pidDir(), "status-processor").size();
        } catch (java.io.IOException e) {
            return 1;
        }
    }

    private static List<Path> files(Path dir) {
        return List.of(DataGenerator.Kind.values()).stream()
                .map(kind -> dir.resolve(kind.file))
                .toList();
    }

    void run() throws Exception {
        if (searchCards > 0) {
            // --search-cards: a projection of that many synthetic cards, then the search alone
            Results results = new Results();
            SearchBench search = new SearchBench(endpoints);
            search.fill(searchCards, results);
            search.run(results);
            results.print(System.out);
            return;
        }
        if (!Files.exists(data.resolve("expected.csv"))) {
            DataGenerator.Summary summary = DataGenerator.generate(rows, seed, data);
            log.info("generated {} rows for {} cards in {}", summary.rows(), summary.cards(), data);
        }
        Results results = new Results();
        results.put("partitions", partitions);
        results.put(
                "processor_instances",
                CpuProbe.pids(endpoints.pidDir(), "status-processor").size());

        IngestBench ingest = new IngestBench(endpoints, files(data), data.resolve("expected.csv"));
        if (rebuild) {
            // --rebuild: load the cards, then rebuild the projection under a reading load; nothing else
            ingest.endToEnd(results);
            new RebuildBench(endpoints, data.resolve("expected.csv")).run(results);
            results.print(System.out);
            return;
        }
        ingest.copyBaseline(results);
        ingest.kafkaBaseline(results, partitions);
        if (warmupRows > 0) {
            // other cards (IDs ZYX...) than the measured set, so the measured run starts from none of its cards
            Path warmupData = data.resolveSibling("warmup-" + warmupRows + "-" + seed);
            if (!Files.exists(warmupData.resolve("expected.csv"))) {
                DataGenerator.generate(warmupRows, seed + 1, warmupData, "ZYX");
            }
            new IngestBench(endpoints, files(warmupData), warmupData.resolve("expected.csv")).warmUp(results);
        }
        if (loseState) {
            // --lose-state: several instances lose one mid-run (its state deleted); one instance restores its state
            // from the changelog after the run. Either way the CPU figures of this run are not comparable (a process
            // killed and started again takes its CPU time with it)
            try (StateLoss loss = new StateLoss(endpoints)) {
                if (loss.instances().size() > 1) {
                    ingest.endToEnd(results, () -> loss.loseLastInstance(results));
                    loss.awaitTakeover();
                } else {
                    ingest.endToEnd(results);
                    // what the state holds before it is lost: its size on disk and the processor's memory
                    new MemoryProbe(endpoints.pidDir()).report(results);
                    loss.measureRestore(results);
                }
                results.print(System.out);
            }
            return;
        }
        ingest.endToEnd(results);

        new FreshnessBench(endpoints, freshnessEvents).run(results);
        new ApiBench(endpoints, data.resolve("expected.csv"), apiDuration, apiWarmup).run(results);
        // the vault's own CPU, set against the fold's per 1M rows and the API's per lookup measured just before
        new VaultBench(endpoints, files(data), VAULT_LOOKUPS).run(results);
        new SearchBench(endpoints).run(results);
        if (notifierEvents > 0) {
            new NotifierBench(endpoints, notifierEvents).run(results);
        }
        new MemoryProbe(endpoints.pidDir()).report(results);
        results.print(System.out);
    }
}
