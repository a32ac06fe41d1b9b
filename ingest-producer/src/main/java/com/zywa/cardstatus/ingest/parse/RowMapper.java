package com.zywa.cardstatus.ingest.parse;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns one partner row into an event, a rejection or an event with warnings, by the rules of contract §2 and §7:
 * card ID and timestamp are required, fields keep to {@link InputLimits} and hold no control characters, a bad
 * phone only loses the phone.
 */
public final class RowMapper {

    private final PhoneNormalizer phones;
    private final TimestampParser timestamps;
    private final Duration maxFutureSkew;
    private final Clock clock;

    /** A mapper that accepts timestamps up to {@code maxFutureSkew} in the future (clock skew, time zone mistakes). */
    public RowMapper(PhoneNormalizer phones, TimestampParser timestamps, Duration maxFutureSkew, Clock clock) {
        this.phones = phones;
        this.timestamps = timestamps;
        this.maxFutureSkew = maxFutureSkew;
        this.clock = clock;
    }

    /** Maps a row of a file whose header is {@code header}; {@code source} tells where the row came from. */
    public RowOutcome map(HeaderMap header, CsvRows.Row row, EventType kind, EventSource source) {
        String[] fields = row.fields();
        if (!header.fits(fields)) {
            return new RowOutcome.Rejected(
                    row.line(),
                    "line " + row.line() + ": has " + fields.length + (fields.length == 1 ? " field" : " fields")
                            + " but the header has " + header.width(),
                    String.join(",", fields));
        }
        Fields values = new Fields(
                header.value(fields, Column.CARD_ID),
                header.value(fields, Column.TIMESTAMP),
                header.value(fields, Column.PHONE),
                header.value(fields, Column.COMMENT),
                header.value(fields, Column.PARTNER_ID));
        return map(row.line(), "line " + row.line(), () -> String.join(",", fields), kind, values, source);
    }

    /** The fields of one event, as text, whatever it came from. */
    public record Fields(String cardId, String timestamp, String phone, String comment, String partnerEventId) {}

    /**
     * Maps one event given field by field (a CSV row or a partner JSON event); {@code where} names it in messages,
     * e.g. "line 3" or "event 2"; {@code raw} gives the original text, built only when the row is rejected.
     */
    public RowOutcome map(
            int line, String where, Supplier<String> raw, EventType kind, Fields fields, EventSource source) {
        String cardId = fields.cardId();
        String timestamp = fields.timestamp();
        String comment = fields.comment();
        String invalid = controlCharacter(fields);
        if (invalid == null) {
            invalid = InputLimits.tooLong("card ID", cardId, InputLimits.CARD_ID_CHARS);
        }
        if (invalid == null) {
            invalid = InputLimits.tooLong(
                    "partner event ID", fields.partnerEventId(), InputLimits.PARTNER_EVENT_ID_CHARS);
        }
        if (invalid == null) {
            invalid = InputLimits.tooLong("comment", comment, InputLimits.COMMENT_CHARS);
        }
        if (invalid != null) {
            return rejected(line, where + ": " + invalid, raw);
        }
        if (cardId == null || cardId.isBlank()) {
            return rejected(line, where + ": card ID is empty", raw);
        }
        if (!InputLimits.validCardId(cardId.strip())) {
            return rejected(
                    line,
                    where + ": card ID '" + visible(cardId.strip()) + "' must be " + InputLimits.CARD_ID_RULE,
                    raw);
        }
        if (timestamp == null || timestamp.isBlank()) {
            return rejected(line, where + ": timestamp is empty", raw);
        }
        Instant occurredAt;
        try {
            occurredAt = timestamps.parse(timestamp);
        } catch (IllegalArgumentException e) {
            return rejected(line, where + ": " + visible(e.getMessage()), raw);
        }
        Instant latest = clock.instant().plus(maxFutureSkew);
        if (occurredAt.isAfter(latest)) {
            return rejected(
                    line,
                    where + ": timestamp '" + timestamp.strip() + "' is "
                            + occurredAt + ", more than " + maxFutureSkew.toHours()
                            + " h in the future; check the date and "
                            + "the time zone (" + timestamps.zone() + ")",
                    raw);
        }
        List<String> warnings = new ArrayList<>();
        String e164 = phone(where, fields.phone(), warnings);
        CardEvent event = CardEvent.of(
                kind,
                cardId.strip(),
                e164,
                occurredAt,
                blankToNull(comment),
                blankToNull(fields.partnerEventId()),
                source);
        return new RowOutcome.Accepted(line, event, warnings);
    }

    /** Names the first field holding a control character and shows it (never the value: it may be a phone). */
    private static String controlCharacter(Fields fields) {
        String[][] named = {
            {"card ID", fields.cardId()},
            {"timestamp", fields.timestamp()},
            {"phone", fields.phone()},
            {"comment", fields.comment()},
            {"partner event ID", fields.partnerEventId()}
        };
        for (String[] field : named) {
            String problem = InputLimits.controlCharacterIn(field[0], field[1]);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String phone(String where, String raw, List<String> warnings) {
        Phone phone = phones.normalize(raw);
        if (phone instanceof Phone.Mangled mangled) {
            warnings.add(where + ": phone '" + mangled.raw() + "' was mangled by a spreadsheet "
                    + "(scientific notation loses digits); event kept without a phone");
        } else if (phone instanceof Phone.Invalid invalid) {
            warnings.add(where + ": " + invalid.reason() + "; event kept without a phone");
        }
        return phone.e164OrNull();
    }

    private static RowOutcome rejected(int line, String reason, Supplier<String> raw) {
        return new RowOutcome.Rejected(line, reason, raw.get());
    }

    /** Shows control characters (NUL, escapes) in echoed values as {@code \\uXXXX}, so messages stay readable. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> out.append(
                        Character.isISOControl(c) ? InputLimits.escaped(c) : new String(Character.toChars(c))));
        return out.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
