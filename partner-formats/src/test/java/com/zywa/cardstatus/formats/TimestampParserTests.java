package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampParserTests {

    private final TimestampParser dubai = new TimestampParser(ZoneId.of("Asia/Dubai"), DateOrder.DAY_FIRST);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "12-11-2023 23:59|2023-11-12T19:59:00Z",
                "12-11-2023 03:45|2023-11-11T23:45:00Z",
                "2-11-2023 3:45|2023-11-01T23:45:00Z",
                "13-11-2023 14:00:30|2023-11-13T10:00:30Z",
                "14-11-2023 12:00PM|2023-11-14T08:00:00Z",
                "14-11-2023 12:00 PM|2023-11-14T08:00:00Z",
                "14-11-2023 12:00am|2023-11-13T20:00:00Z",
                "14-11-2023 9:05 am|2023-11-14T05:05:00Z",
                "14-11-2023 09:05:07 PM|2023-11-14T17:05:07Z",
                "2023-11-13T09:34:56Z|2023-11-13T09:34:56Z",
                "2023-11-13T09:34:56.250Z|2023-11-13T09:34:56.250Z",
                "2023-11-13T13:34:56+04:00|2023-11-13T09:34:56Z",
                "2023-11-13T09:34:56-05:30|2023-11-13T15:04:56Z",
                "2023-11-13T13:34:56|2023-11-13T09:34:56Z",
                "2023-11-13 13:34|2023-11-13T09:34:00Z",
                "2023-11-13 13:34:56|2023-11-13T09:34:56Z",
                "'  2023-11-13 13:34:56  '|2023-11-13T09:34:56Z",
            })
    void readsEveryPartnerForm(String text, String expected) {
        assertThat(dubai.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsZoneLessTimesInTheConfiguredZone() {
        TimestampParser london = new TimestampParser(ZoneId.of("Europe/London"), DateOrder.DAY_FIRST);

        assertThat(london.parse("12-07-2023 10:00")).isEqualTo(Instant.parse("2023-07-12T09:00:00Z"));
        assertThat(london.parse("2023-07-12T10:00:00Z")).isEqualTo(Instant.parse("2023-07-12T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "yesterday",
                "12-11-2023",
                "12/11/2023 10:00",
                "2023-11-13T09:34:56 Z",
                "12-11-2023 10:00 XM",
                "13.11.2023 14:00",
            })
    void refusesUnknownFormsListingTheAcceptedOnes(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> dubai.parse(text))
                .withMessage("timestamp '" + text + "' matches none of: yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX, "
                        + "yyyy-MM-dd'T'HH:mm[:ss], yyyy-MM-dd HH:mm[:ss], dd-MM-yyyy HH:mm[:ss], "
                        + "dd-MM-yyyy h:mm[:ss][ ]AM/PM");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "31-02-2024 10:00|Invalid date 'FEBRUARY 31'",
                "29-02-2023 10:00|Invalid date 'February 29' as '2023' is not a leap year",
                "12-13-2023 10:00|MonthOfYear",
                "12-11-2023 25:00|HourOfDay",
                "12-11-2023 13:00 PM|ClockHourOfAmPm",
                "2023-02-30T10:00:00Z|Invalid date 'FEBRUARY 30'",
            })
    void refusesImpossibleDatesInsteadOfRollingThemOver(String text, String detail) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> dubai.parse(text))
                .withMessageStartingWith("timestamp '" + text + "' is not a real date and time: ")
                .withMessageContaining(detail);
    }
}
