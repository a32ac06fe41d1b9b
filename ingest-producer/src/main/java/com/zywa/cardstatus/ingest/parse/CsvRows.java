package com.zywa.cardstatus.ingest.parse;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Streams the records of a partner CSV file one at a time, with the physical line each starts on (the header
 * is line 1). Accepts UTF-8 with or without a BOM (bytes that are not UTF-8 become U+FFFD, so the row that holds
 * them can be refused by line), CRLF or LF, RFC 4180 quoting, and a comma, semicolon or tab
 * separator detected from the header. Never holds more than one record in memory.
 */
public final class CsvRows implements Closeable {

    /** One record: the line it starts on and its fields. */
    public record Row(int line, String[] fields) {
    }

    private final BufferedReader lines;
    private final String[] header;
    private final char delimiter;
    private final CSVReader reader;
    private long consumedLines = 1;
    private boolean ended;

    public CsvRows(InputStream input) {
        this.lines = new BufferedReader(new InputStreamReader(refuseUtf16(input), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        String headerLine = readHeaderLine();
        this.delimiter = Delimiters.detect(headerLine);
        this.reader = new CSVReaderBuilder(lines)
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
                .build();
        this.header = parseHeader(headerLine);
    }

    private static InputStream refuseUtf16(InputStream input) {
        PushbackInputStream in = new PushbackInputStream(input, 2);
        try {
            byte[] start = in.readNBytes(2);
            if (start.length == 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
                    || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
                throw new FileRefusedException("not_utf8", "the file is UTF-16 text (it starts with a UTF-16 byte "
                        + "order mark); save it as CSV UTF-8 and upload it again");
            }
            in.unread(start);
            return in;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the start of the file failed", e);
        }
    }

    private String readHeaderLine() {
        try {
            String line = lines.readLine();
            if (line == null || line.replace("\uFEFF", "").isBlank()) {
                throw new FileRefusedException("empty_file", "the file is empty: line 1 must be a header such as "
                        + "'ID,Card ID,User Mobile,Timestamp,Comment'");
            }
            String header = line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (header.indexOf('\uFFFD') >= 0 || header.indexOf('\u0000') >= 0) {
                throw new FileRefusedException("not_text", "line 1 (the header) is not UTF-8 text; is this really "
                        + "a CSV file? Save it as CSV UTF-8 and upload it again");
            }
            return header;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the header failed", e);
        }
    }

    private String[] parseHeader(String headerLine) {
        try {
            return new RFC4180ParserBuilder().withSeparator(delimiter).build().parseLine(headerLine);
        } catch (IOException e) {
            throw new FileRefusedException("bad_header", "line 1: the header cannot be read: " + e.getMessage());
        }
    }

    public String[] header() {
        return header.clone();
    }

    public char delimiter() {
        return delimiter;
    }

    /**
     * The next non-blank record, or null at the end of the file. A record that is not well-formed CSV
     * (an unterminated quote) is thrown as {@link MalformedRowException} with its line.
     */
    public Row next() {
        while (!ended) {
            int line = (int) consumedLines + 1;
            String[] fields;
            try {
                fields = reader.readNext();
            } catch (CsvException e) {
                consumedLines = 1 + reader.getLinesRead();
                throw new MalformedRowException(line, e.getMessage());
            } catch (IOException e) {
                throw malformedOrIo(line, e);
            }
            consumedLines = 1 + reader.getLinesRead();
            if (fields == null) {
                return null;
            }
            if (!(fields.length == 1 && fields[0].isBlank())) {
                return new Row(line, fields);
            }
        }
        return null;
    }

    private RuntimeException malformedOrIo(int line, IOException e) {
        if (e instanceof CsvMalformedLineException) {
            // an unterminated quote runs to the end of the file: nothing after it can be read as rows
            ended = true;
            long last = reader.getLinesRead() + 1;
            return new MalformedRowException(line, "a quoted field opened on this line is never closed, so "
                    + (last > line ? "lines " + line + "-" + last : "it") + " cannot be read as rows");
        }
        return new java.io.UncheckedIOException("reading line " + line + " failed", e);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
