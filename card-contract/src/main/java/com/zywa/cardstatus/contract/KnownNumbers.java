package com.zywa.cardstatus.contract;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A set of positive numbers (national phone digits known to be valid), an open-addressing table read without locks by
 * every thread that normalises phones. It grows to {@link #MAX_SLOTS} and then starts over empty, so a file of endless
 * distinct numbers costs parsing again, never more than 8 MB.
 */
final class KnownNumbers {

    static final int MAX_SLOTS = 1 << 20;
    private static final int INITIAL_SLOTS = 1 << 12;

    private volatile AtomicLongArray slots = new AtomicLongArray(INITIAL_SLOTS);
    private final AtomicInteger size = new AtomicInteger();

    boolean contains(long number) {
        AtomicLongArray table = slots;
        int mask = table.length() - 1;
        for (int i = slot(number, mask), probes = 0; probes <= mask; i = (i + 1) & mask, probes++) {
            long held = table.get(i);
            if (held == number) {
                return true;
            }
            if (held == 0) {
                return false;
            }
        }
        return false;
    }

    /** Adds a positive number; a number lost to a concurrent resize is only parsed again. */
    void add(long number) {
        AtomicLongArray table = slots;
        int mask = table.length() - 1;
        for (int i = slot(number, mask), probes = 0; probes <= mask; probes++) {
            long held = table.get(i);
            if (held == number) {
                return;
            }
            if (held == 0 && table.compareAndSet(i, 0, number)) {
                break;
            }
            if (held != 0) {
                i = (i + 1) & mask;
            }
        }
        if (size.incrementAndGet() > table.length() / 2) {
            resize(table);
        }
    }

    int size() {
        return size.get();
    }

    private synchronized void resize(AtomicLongArray full) {
        if (slots != full) {
            return;
        }
        if (full.length() >= MAX_SLOTS) {
            size.set(0);
            slots = new AtomicLongArray(INITIAL_SLOTS);
            return;
        }
        AtomicLongArray larger = new AtomicLongArray(full.length() * 2);
        int mask = larger.length() - 1;
        for (int j = 0; j < full.length(); j++) {
            long number = full.get(j);
            if (number != 0) {
                int i = slot(number, mask);
                while (larger.get(i) != 0) {
                    i = (i + 1) & mask;
                }
                larger.set(i, number);
            }
        }
        slots = larger;
    }

    private static int slot(long number, int mask) {
        return (int) ((number * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
