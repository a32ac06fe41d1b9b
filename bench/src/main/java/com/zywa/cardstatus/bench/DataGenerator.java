package com.zywa.cardstatus.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates realistic partner files, deterministically from a seed: cards picked up, 0-3 failed attempts, then
 * delivered or returned (some returned cards re-dispatched and delivered), written as the partner's four CSV files
 * with its quirks (every phone and time form, a few spreadsheet-mangled phones, a few bad rows) and reasons (comments
 * and codes, some the default reason mapping knows, some it does not, so the fold maps and counts them), plus
 * {@code expected.csv}: the final state of every card, worked out from the lifecycle itself. Public for the system
 * tests, which feed such a data set to a pipeline they break.
 */
public final class DataGenerator {

    enum Kind {
        PICKUP("pickup.csv", "ID,Card ID,User Mobile,Timestamp"),
        EXCEPTION("delivery-exceptions.csv", "ID ,Card ID,User contact,Timestamp,Comment,Reason code"),
        DELIVERED("delivered.csv", "ID ,Card ID,User contact,Timestamp,Comment"),
        RETURNED("returned.csv", "ID ,Card ID,User contact,Timestamp,Reason");

        final String file;
        final String header;

        Kind(String file, String header) {
            this.file = file;
            this.header = header;
        }
    }

    /** What was written: rows per kind, bad rows among them, and cards. */
    public record Summary(long rows, long badRows, long cards, Map<Kind, Long> rowsPerKind) {}

    private static final Instant START = Instant.parse("2023-11-01T04:00:00Z");
    private static final String[] REASONS = {
        "User not available", "User declined to accept package", "Address not found", "Office closed"
    };
    /** Reason codes of failed attempts: none (the comment decides), a reason named exactly, partner codes. */
    private static final String[] EXCEPTION_CODES = {"", "", "", "RECIPIENT_UNREACHABLE", "NH", "AD01"};
    /** Reason codes of returns: none, a reason named exactly, a partner code. */
    private static final String[] RETURN_CODES = {"", "MAX_ATTEMPTS_REACHED", "RT-REFUSED"};

    private DataGenerator() {}

    /** Writes about {@code rows} rows (the last card may overshoot by a few) into {@code dir}. */
    static Summary generate(long rows, long seed, Path dir) throws IOException {
        return generate(rows, seed, dir, "ZYB");
    }

    /** As {@link #generate(long, long, Path)}, with card IDs starting with {@code cardPrefix} (three letters). */
    public static Summary generate(long rows, long seed, Path dir, String cardPrefix) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        PartnerQuirks quirks = new PartnerQuirks(random, 0.005);
        Map<Kind, BufferedWriter> out = new EnumMap<>(Kind.class);
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            out.put(kind, Files.newBufferedWriter(dir.resolve(kind.file), StandardCharsets.UTF_8));
            out.get(kind).write(kind.header + "\r\n");
            counts.put(kind, 0L);
        }
        long written = 0;
        long bad = 0;
        long cards = 0;
        try (BufferedWriter expected = Files.newBufferedWriter(dir.resolve("expected.csv"), StandardCharsets.UTF_8)) {
            expected.write("card_id,status,status_at,phone,delivery_exceptions\n");
            while (written < rows) {
                cards++;
                Card card = new Card(
                        String.format(Locale.ROOT, "%s%08d", cardPrefix, cards),
                        phone(random),
                        START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 20))));
                written += card.write(random, quirks, out, counts);
                expected.write(card.expectedLine() + "\n");
                if (random.nextInt(500) == 0) {
                    Kind kind = Kind.values()[random.nextInt(4)];
                    out.get(kind).write(badRow(random, kind, cardPrefix, cards));
                    counts.merge(kind, 1L, Long::sum);
                    written++;
                    bad++;
                }
            }
        } finally {
            for (BufferedWriter writer : out.values()) {
                writer.close();
            }
        }
        return new Summary(written, bad, cards, counts);
    }

    private static String phone(Random random) {
        int[] prefixes = {50, 52, 54, 55, 56, 58};
        return String.format(
                Locale.ROOT, "+971%d%07d", prefixes[random.nextInt(prefixes.length)], random.nextInt(10_000_000));
    }

    private static String badRow(Random random, Kind kind, String cardPrefix, long card) {
        String cardId = String.format(Locale.ROOT, "%s%08d", cardPrefix, card);
        String extra = switch (kind) {
            case EXCEPTION -> ",bad row,";
            case DELIVERED -> ",bad row";
            case RETURNED -> ",";
            case PICKUP -> "";
        };
        return switch (random.nextInt(3)) {
            case 0 -> "X" + card + ",," + "0501234567,12-11-2023 10:00" + extra + "\r\n";
            case 1 -> "X" + card + "," + cardId + ",0501234567,31-02-2024 10:00" + extra + "\r\n";
            default -> "X" + card + "," + cardId + ",0501234567,yesterday" + extra + "\r\n";
        };
    }

    /** A comment and a reason code field for a failed delivery attempt. */
    static String exceptionReason(Random random) {
        return REASONS[random.nextInt(REASONS.length)] + "," + EXCEPTION_CODES[random.nextInt(EXCEPTION_CODES.length)];
    }

    /** A reason code field for a return. */
    static String returnReason(Random random) {
        return RETURN_CODES[random.nextInt(RETURN_CODES.length)];
    }
}
