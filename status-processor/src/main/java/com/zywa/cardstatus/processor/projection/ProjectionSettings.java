package com.zywa.cardstatus.processor.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the processor may do to its projection at start-up, and its housekeeping ({@code cardstatus.projection.*}).
 *
 * @param rebuildOnNewKafka on a Kafka other than the one the projection was built from, empty the projection and
 *     rebuild it from the new one instead of refusing to start
 * @param cardMovesKept how long the record of each card's move in the work queue's order ({@code card_move}, V10) is
 *     kept: at least status-api's {@code cardstatus.queue.cursor-ttl}, so a cursor still accepted finds every move
 *     since its first page
 * @param kekRewrapInterval how often the data keys of phones that the KEK's primary key did not wrap (after a KEK
 *     rotation) are re-wrapped under it; the first time soon after start
 */
@ConfigurationProperties(ProjectionSettings.PREFIX)
record ProjectionSettings(
        @DefaultValue("false") boolean rebuildOnNewKafka,
        @DefaultValue("PT2H") Duration cardMovesKept,
        @DefaultValue("PT1H") Duration kekRewrapInterval) {

    static final String PREFIX = "cardstatus.projection";

    /** The name an operator sets, as the start-up failure and the log quote it. */
    static final String REBUILD_PROPERTY = PREFIX + ".rebuild-on-new-kafka";

    ProjectionSettings {
        if (cardMovesKept.isNegative() || cardMovesKept.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".card-moves-kept must be positive; got " + cardMovesKept);
        }
        if (kekRewrapInterval.isNegative() || kekRewrapInterval.isZero()) {
            throw new IllegalArgumentException(
                    PREFIX + ".kek-rewrap-interval must be positive; got " + kekRewrapInterval);
        }
    }
}
