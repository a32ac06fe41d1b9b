package com.zywa.cardstatus.api.lookup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How status-api reads queried phones ({@code cardstatus.api.*}).
 *
 * @param phoneRegion region of queried phones written without a country code; keep it equal to ingest's
 */
@ConfigurationProperties("cardstatus.api")
public record ApiSettings(@DefaultValue("AE") String phoneRegion) {}
