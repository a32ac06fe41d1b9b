package com.zywa.cardstatus.api.queue;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Work-queue cards as CSV (RFC 4180, a header line first). A cell a spreadsheet would read as a formula (starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a leading {@code '} so
 * it reads as text: partners' raw reasons are text from outside.
 */
final class CsvCards {

    static final String HEADER = "card_id,status,status_at,user_phone,partner,reason,raw_reason,responsible,"
            + "action_required,attempts,stalled_since,as_of,updated_at\r\n";

    private CsvCards() {}

    static void write(Writer out, QueuedCard card) throws IOException {
        out.write(cell(card.cardId()));
        for (String value : new String[] {
            card.status(),
            text(card.statusAt()),
            card.maskedPhone(),
            card.partner(),
            card.reason(),
            card.rawReason(),
            card.responsible(),
            card.actionRequired(),
            card.attempts() == null ? null : card.attempts().toString(),
            text(card.stalledSince()),
            text(card.asOf()),
            text(card.updatedAt())
        }) {
            out.write(',');
            out.write(cell(value));
        }
        out.write("\r\n");
    }

    /** One cell: formula-like text made text, quoted when it holds a separator, a quote or a line break. */
    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
