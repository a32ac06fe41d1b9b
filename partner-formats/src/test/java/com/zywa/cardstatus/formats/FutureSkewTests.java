package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Events dated more than the partner's skew ahead of now (5 minutes by default, contract §11.5) are rejected with a
 * reason naming the skew and the zone; a timestamp without a zone is read in the partner's zone first, as always.
 */
class FutureSkewTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final EventSource SOURCE = EventSource.api("default", "test");

    private final RowMapper mapper = new RowMapper(
            new PhoneNormalizer("AE"),
            new TimestampParser(ZoneId.of("Asia/Dubai"), DateOrder.DAY_FIRST),
            Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAnEventUpToTheSkewAhead() {
        assertThat(map("2026-12-07T12:05:00Z")).isInstanceOf(RowOutcome.Accepted.class);
        assertThat(map("07-12-2026 16:04:59"))
                .as("Dubai local time, 4:59 ahead")
                .isInstanceOf(RowOutcome.Accepted.class);
    }

    @Test
    void rejectsAnEventFurtherAheadNamingTheSkewAndTheZone() {
        assertThat(map("2026-12-07T12:05:01Z"))
                .isEqualTo(new RowOutcome.Rejected(
                        1,
                        "event 1: timestamp '2026-12-07T12:05:01Z' is 2026-12-07T12:05:01Z, more than 5 min in the"
                                + " future; check the date and the time zone (Asia/Dubai)",
                        "raw"));
        assertThat(map("2026-12-08T11:00:00Z")).as("23 h ahead").isInstanceOf(RowOutcome.Rejected.class);
    }

    @Test
    void writesTheSkewAsAPartnerReadsIt() {
        assertThat(RowMapper.readable(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(RowMapper.readable(Duration.ofDays(1))).isEqualTo("24 h");
        assertThat(RowMapper.readable(Duration.ofSeconds(90))).isEqualTo("90 s");
    }

    private RowOutcome map(String timestamp) {
        return mapper.map(
                1,
                "event 1",
                () -> "raw",
                EventType.DELIVERED,
                new RowMapper.Fields("ZYW8827", timestamp, null, null, null, null),
                SOURCE);
    }
}
