package com.zywa.cardstatus.api.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of the search ended, and as of when the paging reads the list (contract §13): the first page's
 * PostgreSQL snapshot ({@code pg_current_snapshot()}, as text) and time, then the last card's place in the order of
 * last change (its time of last change as that snapshot saw it) and ID, the keyset the next page starts after. Opaque
 * to clients (base64url text); one that does not decode is refused, never guessed at.
 */
record QueueCursor(String snapshot, Instant openedAt, Instant place, String cardId) {

    /** The longest cursor read: a snapshot lists the transactions in progress, at most a few hundred. */
    static final int MAX_LENGTH = 8_192;

    private static final String VERSION = "2";
    private static final Pattern SNAPSHOT = Pattern.compile("\\d{1,20}:\\d{1,20}:(\\d{1,20}(,\\d{1,20})*)?");

    QueueCursor {
        if (!SNAPSHOT.matcher(snapshot).matches() || cardId.isEmpty() || cardId.length() > 64) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        // PostgreSQL's own rules for a pg_snapshot (xmin <= xmax; in-progress IDs ascending, in [xmin, xmax)), so a
        // forged one is refused here as a bad cursor, not by the database as a failed query
        String[] parts = snapshot.split(":", 3);
        long xmin = Long.parseUnsignedLong(parts[0]);
        long xmax = Long.parseUnsignedLong(parts[1]);
        if (Long.compareUnsigned(xmin, xmax) > 0) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        long last = xmin;
        for (String id : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
            long xid = Long.parseUnsignedLong(id);
            if (Long.compareUnsigned(xid, last) < 0 || Long.compareUnsigned(xid, xmax) >= 0) {
                throw new IllegalArgumentException("not a cursor of this API");
            }
            last = xid;
        }
    }

    /** The cursor as clients carry it. */
    String encode() {
        String text = String.join("|", VERSION, time(openedAt), snapshot, time(place), cardId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} holds; throws {@link IllegalArgumentException} for one this service did not write. */
    static QueueCursor decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 5);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        return new QueueCursor(parts[2], instant(parts[1]), instant(parts[3]), parts[4]);
    }

    private static String time(Instant instant) {
        return instant.getEpochSecond() + "." + instant.getNano();
    }

    private static Instant instant(String text) {
        int dot = text.indexOf('.');
        if (dot < 1) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        long seconds = Long.parseLong(text.substring(0, dot));
        int nanos = Integer.parseInt(text.substring(dot + 1));
        if (nanos < 0 || nanos > 999_999_999) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
