package com.zywa.cardstatus.formats;

/** A record that cannot be read as CSV (an unterminated quote, a line over the limit), with its start as raw text. */
public class MalformedRowException extends RuntimeException {

    private final int line;
    private final String raw;

    /** {@code message} names the line(s) and says what is wrong; {@code raw} is the start of the record. */
    public MalformedRowException(int line, String message, String raw) {
        super(message);
        this.line = line;
        this.raw = raw;
    }

    public int line() {
        return line;
    }

    public String raw() {
        return raw;
    }
}
