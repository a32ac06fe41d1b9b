package com.zywa.cardstatus.processor.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The fold's time index of stalls to come (contract §13): one entry per card that will stall, keyed by when it stalls
 * (8 bytes, big-endian, sign flipped so bytes sort as times) then its card ID, so the cards due by now are one range
 * scan from the start, never a scan of every card. Also remembers which stall rules its entries were computed under.
 */
final class StallIndex {

    /** Sorts before every entry (shorter than the 8 bytes of a time): where the rules' fingerprint is kept. */
    private static final Bytes RULES = Bytes.wrap(new byte[] {0});

    private static final byte[] NO_VALUE = new byte[0];

    private final KeyValueStore<Bytes, byte[]> store;

    StallIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** A card and when it stalls. */
    record Entry(String cardId, Instant at) {}

    /** The card no longer stalls at {@code from} but at {@code to} (either null: not before, or not any more). */
    void move(String cardId, @Nullable Instant from, @Nullable Instant to) {
        if (from != null && from.equals(to)) {
            return;
        }
        if (from != null) {
            store.delete(key(from, cardId));
        }
        if (to != null) {
            store.put(key(to, cardId), NO_VALUE);
        }
    }

    /** Up to {@code max} entries due at or before {@code now}, soonest first. */
    List<Entry> due(Instant now, int max) {
        byte[] upTo = Arrays.copyOf(prefix(now), 9);
        upTo[8] = (byte) 0xFF; // after every card ID at that time: UTF-8 never holds 0xFF
        List<Entry> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = store.range(Bytes.wrap(prefix(Instant.MIN)), Bytes.wrap(upTo))) {
            while (range.hasNext() && due.size() < max) {
                due.add(entry(range.next().key.get()));
            }
        }
        return due;
    }

    void remove(Entry entry) {
        store.delete(key(entry.at(), entry.cardId()));
    }

    /** The fingerprint of the rules the entries were computed under; null for an index never built. */
    @Nullable
    String rules() {
        byte[] value = store.get(RULES);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Drops every entry; the caller then adds those of {@code fingerprint}'s rules. */
    void clear(String fingerprint) {
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            all.forEachRemaining((KeyValue<Bytes, byte[]> entry) -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
        store.put(RULES, fingerprint.getBytes(StandardCharsets.UTF_8));
    }

    private static Bytes key(Instant at, String cardId) {
        byte[] card = cardId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(
                ByteBuffer.allocate(8 + card.length).put(prefix(at)).put(card).array());
    }

    private static byte[] prefix(Instant at) {
        long millis = at == Instant.MIN ? Long.MIN_VALUE : at.toEpochMilli();
        return ByteBuffer.allocate(8).putLong(millis ^ Long.MIN_VALUE).array();
    }

    private static Entry entry(byte[] key) {
        long millis = ByteBuffer.wrap(key, 0, 8).getLong() ^ Long.MIN_VALUE;
        return new Entry(new String(key, 8, key.length - 8, StandardCharsets.UTF_8), Instant.ofEpochMilli(millis));
    }
}
