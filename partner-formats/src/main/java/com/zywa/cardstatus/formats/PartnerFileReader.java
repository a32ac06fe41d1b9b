package com.zywa.cardstatus.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one partner file from start to end, handing each row's outcome to a consumer as it goes, so a file
 * of any size streams through in constant memory. Refuses the whole file only for file-level problems.
 */
public final class PartnerFileReader {

    private final RowMapper mapper;
    private final Map<Column, List<String>> synonyms;

    /** A reader that also accepts a partner's own header spellings. */
    public PartnerFileReader(RowMapper mapper, Map<Column, List<String>> synonyms) {
        this.mapper = mapper;
        this.synonyms = Map.copyOf(synonyms);
    }

    /**
     * Streams {@code content}, calling {@code outcomes} once per non-blank row in file order, and says which
     * encoding the file was read in (its {@link TextEncoding#warning() warning} is for the file's report).
     *
     * @throws FileRefusedException when the file as a whole cannot be read (nothing after that is delivered)
     */
    public TextEncoding read(FileContent content, Upload upload, Consumer<RowOutcome> outcomes) {
        TextEncoding encoding = TextEncoding.of(content);
        read(content, encoding, upload, outcomes);
        return encoding;
    }

    /** Streams {@code content} as {@link #read(FileContent, Upload, Consumer)} does, in an encoding found before. */
    public void read(FileContent content, TextEncoding encoding, Upload upload, Consumer<RowOutcome> outcomes) {
        try (CsvRows rows = new CsvRows(encoding.reader(content))) {
            HeaderMap header = HeaderMap.of(rows.header(), synonyms);
            for (CsvRows.Row row = nextRow(rows, outcomes); row != null; row = nextRow(rows, outcomes)) {
                outcomes.accept(mapper.map(header, row, upload.kind(), upload.sourceOf(row.line())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvRows.Row nextRow(CsvRows rows, Consumer<RowOutcome> outcomes) {
        while (true) {
            try {
                return rows.next();
            } catch (MalformedRowException e) {
                outcomes.accept(new RowOutcome.Rejected(e.line(), e.getMessage(), e.raw()));
            }
        }
    }
}
