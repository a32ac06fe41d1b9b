package com.zywa.cardstatus.ingest.parse;

/** A record that is not well-formed CSV, such as one with an unterminated quote. */
public class MalformedRowException extends RuntimeException {

    private final int line;

    public MalformedRowException(int line, String detail) {
        super("line " + line + ": malformed CSV: " + detail);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
