package com.zywa.cardstatus.notifier.subscription;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a subscription starts in each topic partition it is fed from: the committed end of each when it was created.
 * A record before it is history the subscription never asked for, so a replay of the topics (a new consumer group,
 * offsets reset, a re-read after a crash) delivers it nothing; a partition added later starts at 0.
 */
public record StartOffsets(Map<String, Map<Integer, Long>> topics) {

    public StartOffsets {
        Map<String, Map<Integer, Long>> copy = new HashMap<>();
        topics.forEach((topic, partitions) -> copy.put(topic, Map.copyOf(partitions)));
        topics = Map.copyOf(copy);
    }

    /** Whether the record at {@code offset} of {@code topic}'s {@code partition} came after the subscription. */
    public boolean covers(String topic, int partition, long offset) {
        return offset >= topics.getOrDefault(topic, Map.of()).getOrDefault(partition, 0L);
    }
}
