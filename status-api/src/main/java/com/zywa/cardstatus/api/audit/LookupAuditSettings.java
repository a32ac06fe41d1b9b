package com.zywa.cardstatus.api.audit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lookup audit ({@code cardstatus.api.lookup-audit.*}, contract §12.1).
 *
 * @param phoneHashKey the HMAC-SHA256 key phones are hashed under (at least 32 characters; a Secret); unset, each
 *     start draws its own, so hashes of earlier starts and other instances are not found by phone
 * @param retention how long an entry is kept
 * @param purgeInterval how often entries older than the retention are deleted
 */
@ConfigurationProperties("cardstatus.api.lookup-audit")
public record LookupAuditSettings(
        @Nullable String phoneHashKey,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {}
