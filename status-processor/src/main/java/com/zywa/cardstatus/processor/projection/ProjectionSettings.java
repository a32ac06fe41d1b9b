package com.zywa.cardstatus.processor.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the processor may do to its projection at start-up ({@code cardstatus.projection.*}).
 *
 * @param rebuildOnNewKafka on a Kafka other than the one the projection was built from, empty the projection and
 *     rebuild it from the new one instead of refusing to start
 */
@ConfigurationProperties(ProjectionSettings.PREFIX)
record ProjectionSettings(@DefaultValue("false") boolean rebuildOnNewKafka) {

    static final String PREFIX = "cardstatus.projection";

    /** The name an operator sets, as the start-up failure and the log quote it. */
    static final String REBUILD_PROPERTY = PREFIX + ".rebuild-on-new-kafka";
}
