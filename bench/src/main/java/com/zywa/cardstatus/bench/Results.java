package com.zywa.cardstatus.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The figures of one run: printed (to the harness's standard output) as a table, then as {@code RESULT key=value} lines. */
final class Results {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder();

    void put(String key, double value) {
        values.put(
                key,
                value == Math.rint(value) && Math.abs(value) < 1e15
                        ? Long.toString((long) value)
                        : String.format(Locale.ROOT, "%.1f", value));
    }

    /** A ratio of two figures, to three decimals. */
    void putRatio(String key, double value) {
        values.put(key, String.format(Locale.ROOT, "%.3f", value));
    }

    /** A figure put before, or null. */
    @Nullable
    Double value(String key) {
        String value = values.get(key);
        return value == null ? null : Double.valueOf(value);
    }

    void row(String what, String measured, String baseline) {
        table.append(String.format(Locale.ROOT, "%-44s %-30s %s%n", what, measured, baseline));
    }

    void print(java.io.PrintStream out) {
        StringBuilder text = new StringBuilder("\n")
                .append(String.format(
                        Locale.ROOT, "%-44s %-30s %s%n", "measure", "card status service", "baseline (same run)"))
                .append("-".repeat(100))
                .append('\n')
                .append(table)
                .append('\n');
        values.forEach((key, value) ->
                text.append("RESULT ").append(key).append('=').append(value).append('\n'));
        out.print(text);
        out.flush();
    }
}
