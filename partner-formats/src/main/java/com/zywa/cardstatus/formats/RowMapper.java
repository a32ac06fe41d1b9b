package com.zywa.cardstatus.formats;

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
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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
                header.value(fields, Column.REASON),
                header.value(fields, Column.PARTNER_ID));
        return map(row.line(), "line " + row.line(), () -> String.join(",", fields), kind, values, source);
    }

    /** The fields of one event, as text, whatever it came from; {@code reason} is the partner's reason code. */
    public record Fields(
            @Nullable String cardId,
            @Nullable String timestamp,
            @Nullable String phone,
            @Nullable String comment,
            @Nullable String reason,
            @Nullable String partnerEventId) {}

    /**
     * The checks of an event's fields before its timestamp is read, in the order their problems are reported: no
     * control characters (named, never shown with the value: it may be a phone), the limits of contract §7, then a
     * card ID of the allowed form and a timestamp.
     */
    private static final List<Function<Fields, @Nullable String>> FIELD_CHECKS = List.of(
            fields -> InputLimits.controlCharacterIn("card ID", fields.cardId()),
            fields -> InputLimits.controlCharacterIn("timestamp", fields.timestamp()),
            fields -> InputLimits.controlCharacterIn("phone", fields.phone()),
            fields -> InputLimits.controlCharacterIn("comment", fields.comment()),
            fields -> InputLimits.controlCharacterIn("reason code", fields.reason()),
            fields -> InputLimits.controlCharacterIn("partner event ID", fields.partnerEventId()),
            fields -> InputLimits.tooLong("card ID", fields.cardId(), InputLimits.CARD_ID_CHARS),
            fields -> InputLimits.tooLong(
                    "partner event ID", fields.partnerEventId(), InputLimits.PARTNER_EVENT_ID_CHARS),
            fields -> InputLimits.tooLong("comment", fields.comment(), InputLimits.COMMENT_CHARS),
            fields -> InputLimits.tooLong("reason code", fields.reason(), InputLimits.RAW_REASON_CHARS),
            fields -> isBlank(fields.cardId()) ? "card ID is empty" : null,
            fields -> InputLimits.validCardId(fields.cardId().strip())
                    ? null
                    : "card ID '" + visible(fields.cardId().strip()) + "' must be " + InputLimits.CARD_ID_RULE,
            fields -> isBlank(fields.timestamp()) ? "timestamp is empty" : null);

    /**
     * Maps one event given field by field (a CSV row or a partner JSON event); {@code where} names it in messages,
     * e.g. "line 3" or "event 2"; {@code raw} gives the original text, built only when the row is rejected.
     */
    public RowOutcome map(
            int line, String where, Supplier<String> raw, EventType kind, Fields fields, EventSource source) {
        String problem = firstProblem(fields);
        if (problem != null) {
            return rejected(line, where, problem, raw, fields);
        }
        String timestamp = fields.timestamp();
        Instant occurredAt;
        try {
            occurredAt = timestamps.parse(timestamp);
        } catch (IllegalArgumentException e) {
            return rejected(line, where, visible(e.getMessage()), raw, fields);
        }
        if (occurredAt.isAfter(clock.instant().plus(maxFutureSkew))) {
            return rejected(line, where, tooFarAhead(timestamp, occurredAt), raw, fields);
        }
        List<String> warnings = new ArrayList<>();
        CardEvent event = CardEvent.of(
                kind,
                fields.cardId().strip(),
                phone(where, fields.phone(), warnings),
                occurredAt,
                blankToNull(fields.comment()),
                blankToNull(fields.reason()),
                blankToNull(fields.partnerEventId()),
                source);
        return new RowOutcome.Accepted(line, event, warnings);
    }

    /** The first problem {@link #FIELD_CHECKS} find, or null when the fields pass them all. */
    private static @Nullable String firstProblem(Fields fields) {
        for (Function<Fields, @Nullable String> check : FIELD_CHECKS) {
            String problem = check.apply(fields);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String tooFarAhead(String timestamp, Instant occurredAt) {
        return "timestamp '" + timestamp.strip() + "' is " + occurredAt + ", more than " + readable(maxFutureSkew)
                + " in the future; check the date and the time zone (" + timestamps.zone() + ")";
    }

    /** {@code 5 min}, {@code 24 h}, {@code 90 s}: the skew as a partner reads it. */
    static String readable(Duration skew) {
        long seconds = skew.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private @Nullable String phone(String where, @Nullable String raw, List<String> warnings) {
        Phone phone = phones.normalize(raw);
        if (phone instanceof Phone.Mangled mangled) {
            warnings.add(where + ": phone '" + mangled.raw() + "' was mangled by a spreadsheet "
                    + "(scientific notation loses digits); event kept without a phone");
        } else if (phone instanceof Phone.Invalid invalid) {
            warnings.add(where + ": " + invalid.reason() + "; event kept without a phone");
        }
        return phone.e164OrNull();
    }

    /** A rejection, with the row's phone in E.164 when its phone field reads as one (its raw text's key). */
    private RowOutcome rejected(int line, String where, String problem, Supplier<String> raw, Fields fields) {
        return new RowOutcome.Rejected(
                line,
                where + ": " + problem,
                raw.get(),
                phones.normalize(fields.phone()).e164OrNull());
    }

    /** Shows control characters (NUL, escapes) in echoed values as {@code \\uXXXX}, so messages stay readable. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> out.append(
                        Character.isISOControl(c) ? InputLimits.escaped(c) : new String(Character.toChars(c))));
        return out.toString();
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return isBlank(value) ? null : value.strip();
    }
}
