package com.zywa.cardstatus.processor.projection;

import org.jspecify.annotations.Nullable;

/**
 * One Kafka history: the cluster's ID and the topic ID of {@code card.status} (a new one whenever the topic is
 * created again). A projection built from one history cannot be continued from another: the fold starts over and
 * its versions with it, so the projection's version guard would ignore every new status.
 */
record KafkaHistory(String clusterId, String statusTopicId) {

    /** What the processor does at start-up, given the history the projection remembers and the one it finds. */
    enum Decision {
        CONTINUE,
        ADOPT,
        REBUILD,
        REFUSE
    }

    /**
     * {@code remembered} is null when the projection has no origin yet. An empty projection adopts whatever it
     * finds; one without an origin (built before origins were kept) adopts the current history; a different history
     * means a rebuild when allowed, else a refusal.
     */
    static Decision decide(
            @Nullable KafkaHistory remembered, KafkaHistory found, boolean projectionEmpty, boolean rebuildAllowed) {
        if (found.equals(remembered)) {
            return Decision.CONTINUE;
        }
        if (remembered == null || projectionEmpty) {
            return Decision.ADOPT;
        }
        return rebuildAllowed ? Decision.REBUILD : Decision.REFUSE;
    }
}
