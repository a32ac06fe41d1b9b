package com.zywa.cardstatus.api.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often status-api counts the work queue ({@code cardstatus.api.queue.*}): one grouped read of the projection per
 * interval, served to the console and to the gauges, never one per request or per scrape.
 *
 * @param countsInterval how often the cards per partner, status and action (and the stalled ones) are counted
 * @param cursorTtl how long after its first page a search's cursor is followed (older: 410 {@code cursor_expired});
 *     at most the processor's {@code cardstatus.projection.card-moves-kept}, which keeps what makes it exact
 */
@ConfigurationProperties("cardstatus.api.queue")
record QueueSettings(
        @DefaultValue("PT30S") Duration countsInterval,
        @DefaultValue("PT1H") Duration cursorTtl) {}
