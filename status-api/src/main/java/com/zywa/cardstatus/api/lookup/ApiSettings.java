package com.zywa.cardstatus.api.lookup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The region assumed for queried phones written without a country code; must match ingest's. */
@ConfigurationProperties("api")
record ApiSettings(@DefaultValue("AE") String phoneRegion) {}
