package com.zywa.cardstatus.processor.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the processor may do to its projection at start-up ({@code cardstatus.projection.*}).
 *
 * @param rebuildOnNewKafka on a Kafka other than the one the projection was built from, empty the projection and
 *     rebuild it from the new one instead of refusing to start
 * @param cardMovesKept how long the record of each card's move in the work queue's order ({@code card_move}, V10) is
 *     kept: at least status-api's {@code cardstatus.queue.cursor-ttl}, so a cursor still accepted finds every move
 *     since its first page
 */
@ConfigurationProperties(ProjectionSettings.PREFIX)
record ProjectionSettings(
        @DefaultValue("false") boolean rebuildOnNewKafka,
        @DefaultValue("PT2H") Duration cardMovesKept) {

    static final String PREFIX = "cardstatus.projection";

    /** The name an operator sets, as the start-up failure and the log quote it. */
    static final String REBUILD_PROPERTY = PREFIX + ".rebuild-on-new-kafka";

    ProjectionSettings {
        if (cardMovesKept.isNegative() || cardMovesKept.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".card-moves-kept must be positive; got " + cardMovesKept);
        }
    }
}
