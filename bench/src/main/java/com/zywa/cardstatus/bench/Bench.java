package com.zywa.cardstatus.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code bench/run}: {@code generate} writes a data set; {@code run} measures the running service
 * against it (see {@link Harness}).
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "run";
        long rows = Long.parseLong(options.getOrDefault("rows", "100000").replace("_", ""));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        Path out = Path.of(options.getOrDefault("out", ".local/bench/data-" + rows + "-" + seed));
        if (command.equals("generate")) {
            DataGenerator.Summary summary = DataGenerator.generate(rows, seed, out);
            log.info("wrote {} rows ({} bad) for {} cards to {}: {}", summary.rows(), summary.badRows(),
                    summary.cards(), out, summary.rowsPerKind());
            return;
        }
        if (command.equals("run")) {
            new Harness(options, rows, seed, out).run();
            return;
        }
        throw new IllegalArgumentException("unknown command '" + command + "'; use generate or run");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                if (key.contains("=")) {
                    options.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
                } else if (i + 1 < args.length) {
                    options.put(key, args[++i]);
                }
            }
        }
        return options;
    }
}
