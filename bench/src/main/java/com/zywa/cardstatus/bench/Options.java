package com.zywa.cardstatus.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench jar's command line, read once: a command ({@code generate} or {@code run}, the default) and its
 * {@code --name value} or {@code --name=value} options; an unknown option, one given twice or one without a value is
 * a {@link UsageException}, never a silent default.
 */
record Options(String command, Map<String, String> values) {

    private static final List<String> GENERATE = List.of("rows", "seed", "out");
    private static final List<String> RUN = List.of(
            "rows",
            "seed",
            "out",
            "warmup-rows",
            "api-seconds",
            "api-warmup-seconds",
            "freshness-events",
            "notifier-events",
            "partitions",
            "rebuild",
            "search-cards",
            "lose-state");

    /** A command line the bench cannot run, with what is wrong. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String... args) {
        int first = args.length > 0 && !args[0].startsWith("-") ? 1 : 0;
        String command = first == 1 ? args[0] : "run";
        List<String> known = switch (command) {
            case "generate" -> GENERATE;
            case "run" -> RUN;
            default -> throw new UsageException("unknown command '" + command + "'; use generate or run");
        };
        Map<String, String> values = new HashMap<>();
        for (int i = first; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new UsageException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            String value;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new UsageException(
                        "unknown option --" + name + " for " + command + "; known: --" + String.join(", --", known));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return new Options(command, Map.copyOf(values));
    }

    /** A whole number option ({@code 1_000_000} reads as a million), or the fallback when it was not given. */
    long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + value + "'");
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
