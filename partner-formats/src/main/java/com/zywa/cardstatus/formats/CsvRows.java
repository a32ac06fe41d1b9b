package com.zywa.cardstatus.formats;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import com.zywa.cardstatus.contract.InputLimits;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Streams the records of a partner CSV file one at a time, with the physical line each starts on (the header
 * is line 1): RFC 4180 quoting (opencsv's parser on records assembled from bounded physical lines), CRLF or LF, a
 * leading BOM, and a comma, semicolon or tab separator detected from the header. A line or record longer than
 * {@link InputLimits#CSV_LINE_CHARS} is rejected and skipped, so memory stays bounded whatever the file holds.
 */
public final class CsvRows implements Closeable {

    /** One record: the line it starts on and its fields. */
    public record Row(int line, String[] fields) {}

    private static final int LIMIT = InputLimits.CSV_LINE_CHARS;

    private final PhysicalLines lines;
    private final char delimiter;
    private final String[] header;
    private RFC4180Parser parser;
    private boolean ended;

    /** Reads the header from {@code text}, the file decoded (see {@link TextEncoding}). */
    public CsvRows(Reader text) {
        this.lines = new PhysicalLines(text, LIMIT);
        String headerLine = readHeaderLine();
        this.delimiter = Delimiters.detect(headerLine);
        this.parser = newParser();
        this.header = parseHeader(headerLine);
    }

    private String readHeaderLine() {
        PhysicalLines.Line line = nextLine();
        if (line == null || line.text().replace("\uFEFF", "").isBlank()) {
            throw new FileRefusedException(
                    "empty_file",
                    "the file is empty: line 1 must be a header such as "
                            + "'ID,Card ID,User Mobile,Timestamp,Comment'");
        }
        if (line.cut()) {
            throw new FileRefusedException(
                    "not_text",
                    "line 1 (the header) is " + line.length() + " characters long; " + "at most " + LIMIT
                            + " are read; is this really a CSV file?");
        }
        String header = line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
        int control = InputLimits.firstForbiddenControl(header);
        if (header.indexOf('\uFFFD') >= 0 || control >= 0) {
            throw new FileRefusedException(
                    "not_text",
                    "line 1 (the header) is not text"
                            + (control >= 0 ? " (it holds " + InputLimits.escaped(control) + ")" : "")
                            + "; is this really a CSV file? Save it as CSV UTF-8 and upload it again");
        }
        return header;
    }

    private String[] parseHeader(String headerLine) {
        try {
            return newParser().parseLine(headerLine);
        } catch (IOException e) {
            throw new FileRefusedException("bad_header", "line 1: the header cannot be read: " + e.getMessage());
        }
    }

    public String[] header() {
        return header.clone();
    }

    /**
     * The next non-blank record, or null at the end of the file. A record that cannot be read (an unterminated
     * quote, a line or record over the limit) is thrown as {@link MalformedRowException} with its line.
     */
    public @Nullable Row next() {
        while (!ended) {
            PhysicalLines.Line first = nextLine();
            if (first == null) {
                ended = true;
                return null;
            }
            if (first.cut()) {
                throw new MalformedRowException(
                        first.number(),
                        "line " + first.number() + ": the line is " + first.length() + " characters long; at most "
                                + LIMIT + " are read per line",
                        first.text());
            }
            String[] fields = record(first);
            if (!(fields.length == 1 && fields[0].isBlank())) {
                return new Row(first.number(), fields);
            }
        }
        return null;
    }

    /** The fields of the record starting on {@code first}, joining lines while a quoted field is open. */
    private String[] record(PhysicalLines.Line first) {
        String[] fields = parse(first.text());
        long size = first.length();
        int last = first.number();
        while (parser.isPending()) {
            PhysicalLines.Line more = nextLine();
            if (more == null) {
                throw unterminated(first, last);
            }
            size += 1 + more.length();
            if (more.cut() || size > LIMIT) {
                parser = newParser();
                PhysicalLines.Line closing = skipQuotedField(more);
                if (closing == null) {
                    throw unterminated(first, lines.count());
                }
                throw new MalformedRowException(
                        first.number(),
                        "lines " + first.number() + "-" + closing.number()
                                + ": a quoted field opened on line " + first.number() + " runs over " + LIMIT
                                + " characters, so these lines cannot be read as rows",
                        first.text());
            }
            String[] rest = parse(more.text());
            fields = Arrays.copyOf(fields, fields.length + rest.length);
            System.arraycopy(rest, 0, fields, fields.length - rest.length, rest.length);
            last = more.number();
        }
        return fields;
    }

    /**
     * Reads on from {@code line}, inside an open quoted field, to the line that closes it (an odd number of quotes),
     * without keeping what it skips; null when the file ends first.
     */
    private PhysicalLines.@Nullable Line skipQuotedField(PhysicalLines.Line line) {
        for (PhysicalLines.Line next = line; next != null; next = nextLine()) {
            if (next.text().chars().filter(c -> c == '"').count() % 2 == 1) {
                return next;
            }
        }
        return null;
    }

    private MalformedRowException unterminated(PhysicalLines.Line first, int last) {
        // an unterminated quote runs to the end of the file: nothing after it can be read as rows
        ended = true;
        int line = first.number();
        return new MalformedRowException(
                line,
                "line " + line + ": malformed CSV: a quoted field opened on this line "
                        + "is never closed, so " + (last > line ? "lines " + line + "-" + last : "it")
                        + " cannot be read as rows",
                first.text());
    }

    private String[] parse(String text) {
        try {
            return parser.parseLineMulti(text);
        } catch (IOException e) {
            throw new UncheckedIOException("parsing a CSV record failed", e);
        }
    }

    private PhysicalLines.@Nullable Line nextLine() {
        try {
            return lines.next();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the file failed", e);
        }
    }

    private RFC4180Parser newParser() {
        return new RFC4180ParserBuilder().withSeparator(delimiter).build();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
