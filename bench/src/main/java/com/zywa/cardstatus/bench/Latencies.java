package com.zywa.cardstatus.bench;

import java.util.Arrays;

/**
 * Collected latencies (in nanoseconds) and their percentiles. Safe to share between threads; where many threads
 * record at a high rate, one per thread merged at the end keeps them from contending.
 */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int count;

    synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    void addAll(Latencies other) {
        for (long nanos : other.snapshot()) {
            add(nanos);
        }
    }

    private synchronized long[] snapshot() {
        return Arrays.copyOf(values, count);
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile in milliseconds (0 when empty). */
    double percentileMs(double p) {
        long[] sorted = snapshot();
        if (sorted.length == 0) {
            return 0;
        }
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1_000_000.0;
    }
}
