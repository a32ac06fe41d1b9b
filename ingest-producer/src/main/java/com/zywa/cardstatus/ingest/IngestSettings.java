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
 * How partner data is read. The top-level values are the defaults and describe the default partner; each entry
 * of {@code partners} overrides what differs for one courier (zone, date order, phone region, header spellings).
 * {@code instanceId} names this process (stable across its restarts) in upload records and transactional IDs.
 */
@ConfigurationProperties("ingest")
public record IngestSettings(
        @DefaultValue("Asia/Dubai") ZoneId partnerZone,
        @DefaultValue("AE") String phoneRegion,
        @DefaultValue("DAY_FIRST") DateOrder dateOrder,
        @DefaultValue("default") String defaultPartner,
        @DefaultValue("P1D") Duration maxFutureSkew,
        @DefaultValue("local") String instanceId,
        Map<String, Partner> partners) {

    public IngestSettings {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /**
     * One partner's differences from the defaults; anything left out is inherited. {@code source} is the CloudEvents
     * {@code source} URI its events carry ({@code /partners/<name>} unless set).
     */
    public record Partner(
            ZoneId zone,
            String phoneRegion,
            DateOrder dateOrder,
            Map<Column, List<String>> headerSynonyms,
            String source) {}
}
