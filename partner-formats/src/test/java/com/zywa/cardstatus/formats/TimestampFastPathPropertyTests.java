package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The hand-read common shapes give what the formatters give, for every zone and date order the profiles use: the
 * same instant, or the same refusal with the same message, for near-valid, impossible and garbled timestamps alike.
 */
class TimestampFastPathPropertyTests {

    private static final List<String> YEARS =
            List.of("2023", "2024", "1900", "2000", "0000", "9999", "202", "20234", "+2023", "2x23");
    private static final List<String> MONTHS = List.of("01", "02", "1", "11", "12", "00", "13", "1x", "");
    private static final List<String> DAYS = List.of("01", "28", "29", "30", "31", "32", "00", "9", "15", "1 ");
    private static final List<String> HOURS =
            List.of("00", "0", "1", "9", "09", "11", "12", "13", "23", "24", "7x", "123");
    private static final List<String> MINUTES = List.of("00", "05", "59", "60", "5", "");
    private static final List<String> SECONDS = List.of("", ":00", ":59", ":60", ":5", ":07.250", ":", ".5");
    private static final List<String> ENDINGS = List.of(
            "",
            "",
            "Z",
            "z",
            "+04:00",
            "-05:30",
            "+00:00",
            "-00:00",
            "+17:59",
            "+18:00",
            "+19:00",
            "+0400",
            "+04",
            "AM",
            " PM",
            "am",
            " pm",
            " Pm",
            "XM",
            " A",
            "  AM",
            " AMX",
            "[Asia/Dubai]",
            " ");
    private static final List<String> DATE_SEPARATORS = List.of("-", "-", "-", "/", ".", " ");
    private static final List<String> TIME_SEPARATORS = List.of("T", " ", " ", "t", "  ", "");
    private static final String NOISE = "0123456789-:T Zz+APMapm./";

    private static final Gen<String> TIMESTAMPS = TimestampFastPathPropertyTests::timestamp;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "Asia/Dubai,DAY_FIRST",
        "Asia/Dubai,MONTH_FIRST",
        "Europe/London,DAY_FIRST",
        "UTC,MONTH_FIRST",
        "America/New_York,DAY_FIRST"
    })
    void readsEveryTimestampAsTheFormattersDo(String zone, DateOrder order) {
        TimestampParser parser = new TimestampParser(ZoneId.of(zone), order);
        qt().withExamples(20_000)
                .forAll(TIMESTAMPS)
                .checkAssert(text -> assertThat(outcome(() -> parser.parse(text)))
                        .as("'%s'", text)
                        .isEqualTo(outcome(() -> parser.byFormatters(text.strip()))));
    }

    private static String outcome(java.util.function.Supplier<Object> parse) {
        try {
            return "instant " + parse.get();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String timestamp(RandomnessSource in) {
        if (pick(in, 10) == 0) {
            StringBuilder noise = new StringBuilder();
            for (int i = pick(in, 26); i > 0; i--) {
                noise.append(NOISE.charAt(pick(in, NOISE.length())));
            }
            return noise.toString();
        }
        String separator = one(in, DATE_SEPARATORS);
        String date = pick(in, 2) == 0
                ? one(in, YEARS) + separator + one(in, MONTHS) + separator + one(in, DAYS)
                : one(in, DAYS) + separator + one(in, MONTHS) + separator + one(in, YEARS);
        return (pick(in, 8) == 0 ? " " : "") + date + one(in, TIME_SEPARATORS) + one(in, HOURS) + ":" + one(in, MINUTES)
                + one(in, SECONDS) + one(in, ENDINGS);
    }

    private static String one(RandomnessSource in, List<String> parts) {
        return parts.get(pick(in, parts.size()));
    }

    private static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1));
    }
}
