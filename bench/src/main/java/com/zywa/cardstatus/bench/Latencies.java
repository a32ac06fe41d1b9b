package com.zywa.cardstatus.bench;

import java.util.Arrays;

/** Collected latencies (in nanoseconds) and their percentiles; one per thread, merged at the end. */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int count;

    void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return count;
    }

    /** The {@code p}-th percentile in milliseconds (0 when empty). */
    double percentileMs(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return sorted[Math.max(index, 0)] / 1_000_000.0;
    }
}
