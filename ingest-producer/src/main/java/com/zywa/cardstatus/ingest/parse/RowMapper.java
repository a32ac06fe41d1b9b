package com.zywa.cardstatus.ingest.parse;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one partner row into an event, a rejection or an event with warnings, by the rules of SPEC §2:
 * card ID and timestamp are required, a bad phone only loses the phone.
 */
public final class RowMapper {

    /** Longest comment kept; longer ones are refused rather than silently cut. */
    public static final int MAX_COMMENT = 1000;
    private static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final PhoneNormalizer phones;
    private final TimestampParser timestamps;

    public RowMapper(PhoneNormalizer phones, TimestampParser timestamps) {
        this.phones = phones;
        this.timestamps = timestamps;
    }

    /** Maps a row of a file whose header is {@code header}; {@code source} tells where the row came from. */
    public RowOutcome map(HeaderMap header, CsvRows.Row row, EventType kind, EventSource source) {
        String[] fields = row.fields();
        if (String.join("", fields).indexOf('\uFFFD') >= 0) {
            return reject(row, "holds bytes that are not UTF-8 (a Latin-1 or Windows-1252 export?); "
                    + "save the file as CSV UTF-8 and upload it again");
        }
        if (fields.length != header.width()) {
            return reject(row, "has " + fields.length + " fields but the header has " + header.width());
        }
        return map(row.line(), String.join(",", fields), kind, header.value(fields, Column.CARD_ID),
                header.value(fields, Column.TIMESTAMP), header.value(fields, Column.PHONE),
                header.value(fields, Column.COMMENT), header.value(fields, Column.PARTNER_ID), source);
    }

    /** Maps one event given field by field (a CSV row or a partner JSON event). */
    public RowOutcome map(int line, String raw, EventType kind, String cardId, String timestamp, String phone,
            String comment, String partnerEventId, EventSource source) {
        if (cardId == null || cardId.isBlank()) {
            return new RowOutcome.Rejected(line, "line " + line + ": card ID is empty", raw);
        }
        if (!CARD_ID.matcher(cardId.strip()).matches()) {
            return new RowOutcome.Rejected(line, "line " + line + ": card ID '" + cardId.strip()
                    + "' must be 1-64 letters, digits, '-' or '_'", raw);
        }
        if (timestamp == null || timestamp.isBlank()) {
            return new RowOutcome.Rejected(line, "line " + line + ": timestamp is empty", raw);
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            return new RowOutcome.Rejected(line, "line " + line + ": comment is " + comment.length()
                    + " characters long; at most " + MAX_COMMENT + " are accepted", raw);
        }
        Instant occurredAt;
        try {
            occurredAt = timestamps.parse(timestamp);
        } catch (IllegalArgumentException e) {
            return new RowOutcome.Rejected(line, "line " + line + ": " + e.getMessage(), raw);
        }
        List<String> warnings = new ArrayList<>();
        String e164 = phone(line, phone, warnings);
        CardEvent event = CardEvent.of(kind, cardId.strip(), e164, occurredAt, blankToNull(comment),
                blankToNull(partnerEventId), source);
        return new RowOutcome.Accepted(line, event, warnings);
    }

    private String phone(int line, String raw, List<String> warnings) {
        Phone phone = phones.normalize(raw);
        if (phone instanceof Phone.Mangled mangled) {
            warnings.add("line " + line + ": phone '" + mangled.raw() + "' was mangled by a spreadsheet "
                    + "(scientific notation loses digits); event kept without a phone");
        } else if (phone instanceof Phone.Invalid invalid) {
            warnings.add("line " + line + ": " + invalid.reason() + "; event kept without a phone");
        }
        return phone.e164OrNull();
    }

    private static RowOutcome reject(CsvRows.Row row, String why) {
        return new RowOutcome.Rejected(row.line(), "line " + row.line() + ": " + why, String.join(",", row.fields()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
