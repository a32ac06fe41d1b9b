package com.zywa.cardstatus.ingest.publish;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.kafka.core.TransactionIdSuffixStrategy;

/**
 * Gives each new transactional producer the lowest transactional-ID suffix no live producer holds. A producer that
 * failed mid-transaction (Kafka unreachable, so even its abort failed) gives its ID back, and the next new producer
 * takes that ID: its start fences and aborts the transaction left open, instead of read-committed consumers (the
 * fold) waiting on it until the broker's transaction timeout. Spring's default counts up forever, never reusing it.
 */
final class LowestFreeSuffix implements TransactionIdSuffixStrategy {

    private final Map<String, TreeSet<Integer>> free = new HashMap<>();
    private final Map<String, Integer> issued = new HashMap<>();

    @Override
    public synchronized String acquireSuffix(String prefix) {
        Integer suffix = free.computeIfAbsent(String.valueOf(prefix), key -> new TreeSet<>())
                .pollFirst();
        if (suffix == null) {
            suffix = issued.merge(String.valueOf(prefix), 1, Integer::sum) - 1;
        }
        return suffix.toString();
    }

    @Override
    public synchronized void releaseSuffix(String prefix, String suffix) {
        if (suffix != null) {
            free.computeIfAbsent(String.valueOf(prefix), key -> new TreeSet<>()).add(Integer.valueOf(suffix));
        }
    }
}
