package com.zywa.cardstatus.ingest;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How partner data is read: the zone of timestamps written without one, the region of phones written without
 * a country code, and the partner named when an upload names none.
 */
@ConfigurationProperties("ingest")
public record IngestSettings(
        @DefaultValue("Asia/Dubai") ZoneId partnerZone,
        @DefaultValue("AE") String phoneRegion,
        @DefaultValue("default") String defaultPartner) {
}
