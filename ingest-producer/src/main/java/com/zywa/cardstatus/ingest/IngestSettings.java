package com.zywa.cardstatus.ingest;

import com.zywa.cardstatus.formats.Column;
import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How partner data is read ({@code cardstatus.ingest.*}). The top-level values are the defaults and describe the
 * default partner; each entry of {@code partners} overrides what differs for one courier (zone, date order, phone
 * region, header spellings). {@code instanceId} names this process (stable across its restarts) in upload records
 * and transactional IDs; its default ({@code $HOSTNAME}, else {@code local}) is in {@code ingest-producer.properties},
 * since the Kafka transactional ID is derived from it there.
 *
 * @param partnerZone zone of partner timestamps written without one
 * @param phoneRegion region of phones written without a country code (keep it equal to status-api's)
 * @param dateOrder whether {@code 12-11-2023} is 12 November ({@code DAY_FIRST}) or 11 December ({@code MONTH_FIRST})
 * @param defaultPartner the partner recorded when an upload names none
 * @param maxFutureSkew events (and file rows) dated further in the future are rejected (contract §11.5)
 * @param instanceId names this instance; keep it stable across restarts, and give each running instance its own
 * @param partners per-partner differences from the defaults, by partner name
 */
@ConfigurationProperties("cardstatus.ingest")
public record IngestSettings(
        @DefaultValue("Asia/Dubai") ZoneId partnerZone,
        @DefaultValue("AE") String phoneRegion,
        @DefaultValue("DAY_FIRST") DateOrder dateOrder,
        @DefaultValue("default") String defaultPartner,
        @DefaultValue("PT5M") Duration maxFutureSkew,
        String instanceId,
        Map<String, Partner> partners) {

    public IngestSettings {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /**
     * One partner's differences from the defaults; anything left out is inherited. {@code source} is the CloudEvents
     * {@code source} URI its events carry ({@code /partners/<name>} unless set); {@code maxFutureSkew} how far ahead
     * its events may be dated.
     */
    public record Partner(
            ZoneId zone,
            String phoneRegion,
            DateOrder dateOrder,
            Map<Column, List<String>> headerSynonyms,
            String source,
            Duration maxFutureSkew) {}
}
