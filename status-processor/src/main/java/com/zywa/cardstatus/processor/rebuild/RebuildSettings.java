package com.zywa.cardstatus.processor.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the processor takes on and runs projection rebuilds ({@code cardstatus.rebuild.*}, contract §10).
 *
 * @param pollInterval how often an idle processor looks for a requested rebuild
 * @param staleAfter a rebuild whose processor has not reported for this long (it died) is taken over by another
 * @param batchSize statuses read from {@code card.status} and written per statement
 */
@ConfigurationProperties("cardstatus.rebuild")
record RebuildSettings(
        @DefaultValue("PT5S") Duration pollInterval,
        @DefaultValue("PT30S") Duration staleAfter,
        @DefaultValue("5000") int batchSize) {}
