package com.zywa.cardstatus.ingest.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the raw text of rejected input (personal data: phones, names in comments) is kept: in the
 * {@code ingest.row_issue} table, and on the {@code card.rejects} topic, whose retention follows the same setting.
 * {@code purgeInterval} is how often the stored rows are checked.
 */
@ConfigurationProperties("ingest.retention")
public record RetentionSettings(
        @DefaultValue("P30D") Duration rejectedRows,
        @DefaultValue("PT1H") Duration purgeInterval) {}
