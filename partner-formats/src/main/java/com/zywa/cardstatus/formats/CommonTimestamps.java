package com.zywa.cardstatus.formats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reads the timestamp shapes nearly every row uses ({@code 2023-11-13T14:00[:ss](Z|+04:00)}, {@code 2023-11-13
 * 14:00[:ss]}, {@code 13-11-2023 14:00[:ss]}, {@code 13-11-2023 2:00[:ss][ ]PM}) by hand, as {@link TimestampParser}'s
 * formatters would, because they cost a third of a row. Anything else, a real date or not, is left to the formatters
 * (null), so their answers and messages stay the only ones.
 */
final class CommonTimestamps {

    private final ZoneId zone;
    private final boolean dayFirst;

    CommonTimestamps(ZoneId zone, TimestampParser.DateOrder order) {
        this.zone = zone;
        this.dayFirst = order == TimestampParser.DateOrder.DAY_FIRST;
    }

    /** The instant of a stripped timestamp of a common shape, or null. */
    @Nullable
    Instant parse(String text) {
        if (text.length() < 15 || text.length() > 25) {
            return null;
        }
        if (text.charAt(4) == '-') {
            return yearFirst(text);
        }
        return text.charAt(2) == '-' ? yearLast(text) : null;
    }

    /** {@code uuuu-MM-dd'T'HH:mm[:ss]} with Z, an offset or nothing, or {@code uuuu-MM-dd H:mm[:ss]}. */
    private @Nullable Instant yearFirst(String text) {
        int year = digits(text, 0, 4);
        int month = text.charAt(7) == '-' ? digits(text, 5, 2) : -1;
        int day = digits(text, 8, 2);
        char separator = text.charAt(10);
        if (separator == 'T') {
            // ISO hours have two digits
            Time time = text.charAt(12) == ':' ? null : time(text, 11);
            LocalDateTime local = time == null ? null : local(year, month, day, time.hour, time.minute, time.second);
            if (local == null || time.end == text.length()) {
                return local == null ? null : local.atZone(zone).toInstant();
            }
            ZoneOffset offset = offset(text, time.end);
            return offset == null ? null : local.toInstant(offset);
        }
        Time time = separator == ' ' ? time(text, 11) : null;
        if (time == null || time.end != text.length()) {
            return null;
        }
        LocalDateTime local = local(year, month, day, time.hour, time.minute, time.second);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /** {@code dd-MM-uuuu H:mm[:ss]} or {@code dd-MM-uuuu h:mm[:ss][ ]AM} (month first if the partner says so). */
    private @Nullable Instant yearLast(String text) {
        int first = digits(text, 0, 2);
        int second = text.charAt(5) == '-' ? digits(text, 3, 2) : -1;
        int year = digits(text, 6, 4);
        Time time = text.charAt(10) == ' ' ? time(text, 11) : null;
        if (time == null) {
            return null;
        }
        int hour = time.hour;
        if (time.end != text.length()) {
            int meridiem = meridiem(text, time.end);
            if (meridiem < 0 || hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + meridiem;
        }
        LocalDateTime local = dayFirst
                ? local(year, second, first, hour, time.minute, time.second)
                : local(year, first, second, hour, time.minute, time.second);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private record Time(int hour, int minute, int second, int end) {}

    /** {@code H:mm[:ss]} from {@code start} (one or two hour digits), or null. */
    private static @Nullable Time time(String text, int start) {
        int hourDigits = start + 1 < text.length() && text.charAt(start + 1) == ':' ? 1 : 2;
        int hour = digits(text, start, hourDigits);
        int colon = start + hourDigits;
        if (hour < 0 || colon + 3 > text.length() || text.charAt(colon) != ':') {
            return null;
        }
        int minute = digits(text, colon + 1, 2);
        int end = colon + 3;
        int second = 0;
        if (end + 3 <= text.length() && text.charAt(end) == ':') {
            second = digits(text, end + 1, 2);
            end += 3;
        }
        return minute < 0 || second < 0 ? null : new Time(hour, minute, second, end);
    }

    /** 0 for AM, 12 for PM (any case, after an optional space) ending the text at {@code start}, else -1. */
    private static int meridiem(String text, int start) {
        int at = text.charAt(start) == ' ' ? start + 1 : start;
        if (at + 2 != text.length() || (text.charAt(at + 1) | 0x20) != 'm') {
            return -1;
        }
        char half = (char) (text.charAt(at) | 0x20);
        return half == 'a' ? 0 : half == 'p' ? 12 : -1;
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code start}, else null. */
    private static @Nullable ZoneOffset offset(String text, int start) {
        char sign = text.charAt(start);
        if (sign == 'Z') {
            return start + 1 == text.length() ? ZoneOffset.UTC : null;
        }
        if ((sign != '+' && sign != '-') || start + 6 != text.length() || text.charAt(start + 3) != ':') {
            return null;
        }
        int hours = digits(text, start + 1, 2);
        int minutes = digits(text, start + 4, 2);
        if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    /** The date and time when all fields are in range (a formatter refuses the rest with its own message), else null. */
    private static @Nullable LocalDateTime local(int year, int month, int day, int hour, int minute, int second) {
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The value of {@code count} ASCII digits from {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        if (start + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }
}
