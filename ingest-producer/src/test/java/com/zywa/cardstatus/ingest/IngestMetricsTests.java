package com.zywa.cardstatus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestMetricsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(
            meters,
            new Partners(new IngestSettings(
                    ZoneId.of("Asia/Dubai"),
                    "AE",
                    DateOrder.DAY_FIRST,
                    "default",
                    Duration.ofDays(1),
                    "test",
                    Map.of())));

    @Test
    void countsFailedDeletionsOfConsumedPartnerRecords() {
        metrics.partnerEventsDeleteFailed();
        metrics.partnerEventsDeleteFailed();

        assertThat(meters.get("cardstatus.partner.events.delete.failures")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void countsUploadRowsByPartnerKindAndOutcome() {
        metrics.uploadRows("default", EventType.DELIVERED, 7, 2, 1);
        metrics.uploadRows("default", EventType.DELIVERED, 3, 0, 0);

        assertThat(rows("default", "DELIVERED", "accepted").count()).isEqualTo(10);
        assertThat(rows("default", "DELIVERED", "rejected").count()).isEqualTo(2);
        assertThat(rows("default", "DELIVERED", "warned").count()).isEqualTo(1);
    }

    @Test
    void labelsAnythingButAConfiguredPartnerOther() {
        metrics.partnerEvents("default", 2, 1);
        metrics.partnerEvents("0501234567", 1, 0);

        assertThat(meters.get("cardstatus.partner.events")
                        .tags("partner", "default", "outcome", "accepted")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("cardstatus.partner.events")
                        .tags("partner", "other", "outcome", "accepted")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.find("cardstatus.partner.events")
                        .tag("partner", "0501234567")
                        .counters())
                .isEmpty();
    }

    private Counter rows(String partner, String kind, String outcome) {
        return meters.get("cardstatus.upload.rows")
                .tags("partner", partner, "kind", kind, "outcome", outcome)
                .counter();
    }
}
