package com.zywa.cardstatus.bench;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code bench/run}: {@code generate} writes a data set; {@code run} measures the running service
 * against it (see {@link Harness}).
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    private Bench() {}

    public static void main(String[] args) throws Exception {
        try {
            execute(Options.parse(args));
        } catch (Options.UsageException e) {
            log.error(
                    "{} (usage: generate|run --rows N --seed S [--out DIR]; run also takes --warmup-rows, "
                            + "--api-seconds, --api-warmup-seconds, --freshness-events, --notifier-events, --partitions, --rebuild, --search-cards, --lose-state)",
                    e.getMessage());
            System.exit(2);
        }
    }

    private static void execute(Options options) throws Exception {
        long rows = options.number("rows", 100_000);
        long seed = options.number("seed", 42);
        Path out = Path.of(options.text("out", ".local/bench/data-" + rows + "-" + seed));
        if (options.command().equals("generate")) {
            DataGenerator.Summary summary = DataGenerator.generate(rows, seed, out);
            log.info(
                    "wrote {} rows ({} bad) for {} cards to {}: {}",
                    summary.rows(),
                    summary.badRows(),
                    summary.cards(),
                    out,
                    summary.rowsPerKind());
            return;
        }
        new Harness(options, rows, seed, out).run();
    }
}
