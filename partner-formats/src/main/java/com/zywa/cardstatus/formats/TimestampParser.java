package com.zywa.cardstatus.formats;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the partner's timestamp forms into an instant. Forms with an offset are exact; forms without one are
 * read in the partner's zone. Impossible dates (31-02-2024) are refused, not rolled over.
 */
public final class TimestampParser {

    private record Form(String label, DateTimeFormatter formatter, boolean zoned) {

        /** Whether the whole text has this form's shape, before its date and time are checked for being real. */
        boolean matchesText(String text) {
            ParsePosition position = new ParsePosition(0);
            return formatter.parseUnresolved(text, position) != null && position.getIndex() == text.length();
        }
    }

    /** Whether a partner writes the day or the month first in {@code 12-11-2023}. */
    public enum DateOrder {
        DAY_FIRST("dd-MM-yyyy", "d-M-uuuu"),
        MONTH_FIRST("MM-dd-yyyy", "M-d-uuuu");

        private final String label;
        private final String pattern;

        DateOrder(String label, String pattern) {
            this.label = label;
            this.pattern = pattern;
        }
    }

    private final ZoneId partnerZone;
    private final DateOrder order;
    private final CommonTimestamps common;
    private final List<Form> forms;
    private final String expected;

    public TimestampParser(ZoneId partnerZone, DateOrder order) {
        this.partnerZone = partnerZone;
        this.order = order;
        this.common = new CommonTimestamps(partnerZone, order);
        this.forms = List.of(
                new Form("yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX", DateTimeFormatter.ISO_OFFSET_DATE_TIME, true),
                new Form("yyyy-MM-dd'T'HH:mm[:ss]", DateTimeFormatter.ISO_LOCAL_DATE_TIME, false),
                local("yyyy-MM-dd HH:mm[:ss]", "uuuu-MM-dd H:mm[:ss]"),
                local(order.label + " HH:mm[:ss]", order.pattern + " H:mm[:ss]"),
                local(order.label + " h:mm[:ss][ ]AM/PM", order.pattern + " h:mm[:ss][ ]a"));
        this.expected = forms.stream().map(Form::label).collect(Collectors.joining(", "));
    }

    private static Form local(String label, String pattern) {
        DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
        return new Form(label, formatter, false);
    }

    /** The instant {@code text} denotes; throws {@link IllegalArgumentException} with a readable reason. */
    public Instant parse(String text) {
        String value = text.strip();
        Instant common = this.common.parse(value);
        return common != null ? common : byFormatters(value);
    }

    /** The instant of a stripped timestamp by the formatters alone, the authority for every form. */
    Instant byFormatters(String value) {
        DateTimeException impossible = null;
        for (Form form : forms) {
            // a cheap textual match first: trying each form by catching its exception costs more than the parse
            if (!form.matchesText(value)) {
                continue;
            }
            try {
                TemporalAccessor parsed = form.formatter().parse(value);
                return form.zoned()
                        ? OffsetDateTime.from(parsed).toInstant()
                        : LocalDateTime.from(parsed).atZone(partnerZone).toInstant();
            } catch (DateTimeParseException e) {
                if (e.getCause() instanceof DateTimeException cause && impossible == null) {
                    impossible = cause;
                }
            }
        }
        if (impossible != null) {
            throw new IllegalArgumentException(
                    "timestamp '" + value + "' is not a real date and time: " + impossible.getMessage());
        }
        throw new IllegalArgumentException("timestamp '" + value + "' matches none of: " + expected);
    }

    public ZoneId zone() {
        return partnerZone;
    }

    /** A parser of the same forms that reads zone-less timestamps in {@code zone}. */
    public TimestampParser inZone(ZoneId zone) {
        return new TimestampParser(zone, order);
    }
}
