package com.zywa.cardstatus.system;

import com.zywa.cardstatus.bench.DataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A data set from the bench's generator (the partner's four files, quirks and bad rows included) and the final
 * state each of its cards must reach, checked card by card against the PostgreSQL projection.
 */
final class GeneratedCards {

    private final String prefix;
    private final List<Path> files;
    private final Map<String, String> expected;

    private GeneratedCards(String prefix, List<Path> files, Map<String, String> expected) {
        this.prefix = prefix;
        this.files = files;
        this.expected = expected;
    }

    /** About {@code rows} rows in {@code dir}, card IDs starting with the three letters {@code prefix}. */
    static GeneratedCards generate(Path dir, long rows, long seed, String prefix) throws IOException {
        DataGenerator.generate(rows, seed, dir, prefix);
        Map<String, String> expected = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("expected.csv"));
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            expected.put(line.substring(0, comma), line.substring(comma + 1));
        }
        try (Stream<Path> listed = Files.list(dir)) {
            // pickups first, then the rest: the order a partner sends them in (the fold does not depend on it)
            List<Path> files = listed.filter(file -> !file.endsWith("expected.csv"))
                    .sorted((a, b) -> Boolean.compare(!a.endsWith("pickup.csv"), !b.endsWith("pickup.csv")))
                    .toList();
            return new GeneratedCards(prefix, files, expected);
        }
    }

    List<Path> files() {
        return files;
    }

    /** The files cut into files of {@code rows} rows at most, each with its file's header, in {@code dir}. */
    List<Path> cutInto(int rows, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> pieces = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int from = 1; from < lines.size(); from += rows) {
                List<String> piece = new ArrayList<>(List.of(lines.get(0)));
                piece.addAll(lines.subList(from, Math.min(lines.size(), from + rows)));
                pieces.add(Files.write(dir.resolve(pieces.size() + "-" + file.getFileName()), piece));
            }
        }
        return pieces;
    }

    int size() {
        return expected.size();
    }

    /** The cards whose projected state is not the expected one, missing cards included ({@code id: found}). */
    List<String> wrong(Pipeline.Database database) throws SQLException {
        Map<String, String> projected = projected(database);
        List<String> wrong = new ArrayList<>();
        expected.forEach((card, state) -> {
            if (!state.equals(projected.get(card))) {
                wrong.add(card + ": " + projected.get(card) + " instead of " + state);
            }
        });
        return wrong;
    }

    /** How many of the cards the projection holds at all, right or not yet. */
    int projectedCount(Pipeline.Database database) throws SQLException {
        return projected(database).size();
    }

    /** Each card's projected status, time, phone (opened: the projection keeps it sealed) and exceptions. */
    private Map<String, String> projected(Pipeline.Database database) throws SQLException {
        Map<String, String[]> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement select = connection.prepareStatement("SELECT card_id, status, status_at, phone, "
                        + "delivery_exceptions FROM card_status WHERE card_id LIKE ?")) {
            select.setString(1, prefix + "%");
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.put(found.getString(1), new String[] {
                        found.getString(2),
                        found.getTimestamp(3).toInstant().toString(),
                        found.getString(4),
                        Integer.toString(found.getInt(5))
                    });
                }
            }
        }
        Map<String, String> opened = Pipeline.vault(database)
                .open(rows.values().stream()
                        .map(row -> row[2])
                        .filter(java.util.Objects::nonNull)
                        .toList());
        Map<String, String> cards = new HashMap<>();
        rows.forEach((card, row) -> {
            String phone = row[2] == null ? null : opened.get(row[2]);
            cards.put(card, String.join(",", row[0], row[1], phone == null ? "" : phone, row[3]));
        });
        return cards;
    }
}
