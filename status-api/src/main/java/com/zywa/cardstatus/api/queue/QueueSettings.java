package com.zywa.cardstatus.api.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often status-api counts the work queue ({@code cardstatus.api.queue.*}): one grouped read of the projection per
 * interval, served to the console and to the gauges, never one per request or per scrape.
 *
 * @param countsInterval how often the cards per partner, status and action (and the stalled ones) are counted
 */
@ConfigurationProperties("cardstatus.api.queue")
record QueueSettings(@DefaultValue("PT30S") Duration countsInterval) {}
