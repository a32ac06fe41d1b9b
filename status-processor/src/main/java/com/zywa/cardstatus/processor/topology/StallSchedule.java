package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.fold.StallRules;
import java.time.Duration;

/**
 * When the fold stalls cards (contract §13): the rules, and how often it looks, on the wall clock, for cards whose
 * stall is due.
 *
 * @param rules the stall rules per partner and status
 * @param checkInterval how often the fold looks for due stalls; a card stalls at most this long after its due time
 * @param maxPerCheck the most cards one look stalls (the rest wait for the next), so a rules change that makes many
 *     cards due at once cannot hold the fold's thread or its transaction for long
 */
public record StallSchedule(StallRules rules, Duration checkInterval, int maxPerCheck) {

    /** The default rules, looked at every 15 seconds, 10,000 cards at most per look. */
    public static final StallSchedule DEFAULTS = new StallSchedule(StallRules.DEFAULTS, Duration.ofSeconds(15), 10_000);
}
