package com.zywa.cardstatus.formats;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * The physical lines of a text, numbered from 1, ended by CRLF, LF or CR. A line longer than the limit is
 * still counted and skipped to its end, but only its first {@code limit} characters are kept, so memory stays
 * bounded whatever the input.
 */
final class PhysicalLines implements Closeable {

    /** One line: its number, its text (at most the limit) and its full length, which may be larger. */
    record Line(int number, String text, long length) {

        boolean cut() {
            return length > text.length();
        }
    }

    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;
    private int number;
    private boolean skipLf;

    PhysicalLines(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the text. */
    @Nullable
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (fill()) {
            if (skipLf) {
                skipLf = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int keep = (int) Math.max(0, Math.min(position - start, limit - length));
            text.append(buffer, start, keep);
            length += position - start;
            if (position < end) {
                skipLf = buffer[position++] == '\r';
                return line(text, length);
            }
        }
        return any ? line(text, length) : null;
    }

    /** How many lines were read so far: the number of the last one. */
    int count() {
        return number;
    }

    private Line line(StringBuilder text, long length) {
        return new Line(++number, text.toString(), length);
    }

    private boolean fill() throws IOException {
        if (position < end) {
            return true;
        }
        int read = in.read(buffer);
        position = 0;
        end = Math.max(read, 0);
        return read > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
