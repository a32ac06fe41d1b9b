package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;

class InstantJsonTests {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 =
            Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesWhatInstantToStringWritesAndReadsItBack() {
        // nanos drawn whole, to the millisecond and to the microsecond, so every fraction length is covered
        qt().withExamples(10_000)
                .forAll(
                        longs().between(YEAR_0, YEAR_10000 + 1_000_000),
                        integers().between(0, 999_999_999),
                        integers().between(0, 2))
                .checkAssert((seconds, nanos, precision) -> {
                    int rounded =
                            precision == 0 ? nanos - nanos % 1_000_000 : precision == 1 ? nanos - nanos % 1_000 : nanos;
                    Instant instant = Instant.ofEpochSecond(seconds, rounded);

                    String text = InstantJson.format(instant);

                    assertThat(text).isEqualTo(instant.toString());
                    assertThat(InstantJson.parse(text)).isEqualTo(instant);
                });
    }

    @ParameterizedTest
    @CsvSource({
        "2023-11-13T09:34:56Z, 2023-11-13T09:34:56Z",
        "2023-11-13T13:34:56+04:00, 2023-11-13T09:34:56Z",
        "2023-11-13T09:34:56.5Z, 2023-11-13T09:34:56.500Z",
        "2023-11-13t09:34:56z, 2023-11-13T09:34:56Z",
        "+12023-11-13T09:34:56Z, +12023-11-13T09:34:56Z",
    })
    void readsRfc3339WithAnyOffset(String text, String expected) throws Exception {
        Instant read = Json.MAPPER.readValue("\"" + text + "\"", Instant.class);

        assertThat(read).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aStatusRoundTripsThroughTheMapper() {
        CardStatus status = new CardStatus(
                "ZYW8890",
                EventType.RETURNED,
                Instant.parse("2023-11-14T08:00:00Z"),
                "+971534534534",
                null,
                Reason.OTHER,
                null,
                Responsible.UNKNOWN,
                ActionRequired.CONTACT_CARDHOLDER,
                1,
                1,
                "default",
                3,
                Instant.parse("2023-11-14T08:00:00.5Z"),
                List.of(CardStatus.HistoryEntry.of(
                        EventType.PICKED_UP, Instant.parse("2023-11-12T10:00:00.123Z"), null)));

        String json = Json.MAPPER.writeValueAsString(status);

        assertThat(json).contains("\"status_at\":\"2023-11-14T08:00:00Z\"", "\"at\":\"2023-11-12T10:00:00.123Z\"");
        assertThat(Json.MAPPER.readValue(json, CardStatus.class)).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"\"13-11-2023 09:34\"", "\"2023-02-30T10:00:00Z\"", "1699868096", "\"\""})
    void refusesWhatIsNotAnInstantSayingWhy(String json) {
        assertThatThrownBy(() -> Json.MAPPER.readValue(json, Instant.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Instant");
    }
}
