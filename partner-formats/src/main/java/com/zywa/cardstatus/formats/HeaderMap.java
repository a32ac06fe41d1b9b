package com.zywa.cardstatus.formats;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each known {@link Column} sits in a file's header. Unknown headers are ignored; a missing required
 * column or a column named twice refuses the file, naming what was found.
 */
public final class HeaderMap {

    private final Map<Column, Integer> positions;
    private final int width;
    private final boolean trailingBlankHeader;

    private HeaderMap(Map<Column, Integer> positions, int width, boolean trailingBlankHeader) {
        this.positions = positions;
        this.width = width;
        this.trailingBlankHeader = trailingBlankHeader;
    }

    /** Reads a header row. */
    public static HeaderMap of(String[] headers) {
        return of(headers, Map.of());
    }

    /** Reads a header row, also accepting a partner's own spellings of each column. */
    public static HeaderMap of(String[] headers, Map<Column, List<String>> synonyms) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < headers.length; i++) {
            Column column = Column.forHeader(headers[i], synonyms);
            if (column == null) {
                continue;
            }
            Integer previous = positions.putIfAbsent(column, i);
            if (previous != null) {
                throw new FileRefusedException(
                        "duplicate_column",
                        "columns " + (previous + 1) + " ('"
                                + headers[previous].strip() + "') and " + (i + 1) + " ('" + headers[i].strip()
                                + "') both name the " + column.label() + " column; found headers " + found(headers));
            }
        }
        List<String> missing = Arrays.stream(Column.values())
                .filter(column -> column.required() && !positions.containsKey(column))
                .map(Column::label)
                .toList();
        if (!missing.isEmpty()) {
            throw new FileRefusedException(
                    "missing_column",
                    (missing.size() == 1 ? "required column " : "required columns ")
                            + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                            + " missing; found headers " + found(headers));
        }
        return new HeaderMap(positions, headers.length, headers[headers.length - 1].isBlank());
    }

    private static String found(String[] headers) {
        return Arrays.stream(headers)
                .map(header -> "'" + header.replace("\uFEFF", "").strip() + "'")
                .toList()
                .toString();
    }

    /** How many fields the header has. */
    public int width() {
        return width;
    }

    /**
     * Whether a row has as many fields as the header, forgiving the spreadsheet habit of a trailing delimiter on
     * either side: one extra empty last field, or one missing field under an empty last header.
     */
    public boolean fits(String[] row) {
        return row.length == width
                || row.length == width + 1 && row[width].isBlank()
                || row.length == width - 1 && trailingBlankHeader;
    }

    /** The stripped value of {@code column} in {@code row}, or null when the file has no such column or it is blank. */
    public @Nullable String value(String[] row, Column column) {
        Integer position = positions.get(column);
        if (position == null || position >= row.length) {
            return null;
        }
        String value = row[position].strip();
        return value.isEmpty() ? null : value;
    }
}
