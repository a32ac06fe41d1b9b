package com.zywa.cardstatus.formats;

/** Detects a file's field separator (comma, semicolon or tab) from its header line. */
public final class Delimiters {

    private static final char[] CANDIDATES = {',', ';', '\t'};

    private Delimiters() {}

    /** The candidate that occurs most often outside quotes; comma when none occurs. */
    public static char detect(String headerLine) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : CANDIDATES) {
            int count = countOutsideQuotes(headerLine, candidate);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char wanted) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                count++;
            }
        }
        return count;
    }
}
