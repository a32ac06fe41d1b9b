package com.zywa.cardstatus.ingest.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the stored raw text of rejected input (personal data: phones, names in comments) is checked for purging
 * ({@code cardstatus.ingest.retention.*}); how long it is kept is {@code cardstatus.topics.rejects-retention}, the
 * retention of {@code card.rejects} too, so both keep it equally long.
 *
 * @param purgeInterval how often the raw text of rejected rows older than the retention is purged
 */
@ConfigurationProperties("cardstatus.ingest.retention")
public record RetentionSettings(@DefaultValue("PT1H") Duration purgeInterval) {}
