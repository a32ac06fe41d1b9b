package com.zywa.cardstatus.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The figures of one run: printed as a table, then as {@code RESULT key=value} lines for scripts. */
final class Results {

    private static final Logger log = LoggerFactory.getLogger(Results.class);

    private final Map<String, String> values = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder();

    void put(String key, double value) {
        values.put(key, value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value));
    }

    void row(String what, String measured, String baseline) {
        table.append(String.format(Locale.ROOT, "%-44s %-30s %s%n", what, measured, baseline));
    }

    void print() {
        StringBuilder out = new StringBuilder("\n")
                .append(String.format(Locale.ROOT, "%-44s %-30s %s%n", "measure", "card status service", "baseline (same run)"))
                .append("-".repeat(100)).append('\n').append(table).append('\n');
        values.forEach((key, value) -> out.append("RESULT ").append(key).append('=').append(value).append('\n'));
        log.info("{}", out);
    }
}
