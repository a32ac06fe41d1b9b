package com.zywa.cardstatus.api.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lookup audit ({@code cardstatus.api.lookup-audit.*}, contract §12.1). Phones are hashed under
 * {@code cardstatus.personal-data.phone-hash-key}, the services' one key of phones' hashes (was
 * {@code cardstatus.api.lookup-audit.phone-hash-key}, still read under that name for one release).
 *
 * @param retention how long an entry is kept
 * @param purgeInterval how often entries older than the retention are deleted
 */
@ConfigurationProperties("cardstatus.api.lookup-audit")
public record LookupAuditSettings(
        @DefaultValue("90d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {}
