package com.zywa.cardstatus.api.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the search ended: the last card's time of last change and its ID, the keyset the next page starts
 * after. Opaque to clients (base64url text); one that does not decode is refused, never guessed at.
 */
record QueueCursor(Instant changedAt, String cardId) {

    /** The cursor as clients carry it. */
    String encode() {
        String text = changedAt.getEpochSecond() + "." + changedAt.getNano() + "," + cardId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} holds; throws {@link IllegalArgumentException} for one this service did not write. */
    static QueueCursor decode(String text) {
        String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int comma = decoded.indexOf(',');
        int dot = decoded.indexOf('.');
        if (dot < 1 || comma < dot || comma == decoded.length() - 1) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        long seconds = Long.parseLong(decoded.substring(0, dot));
        int nanos = Integer.parseInt(decoded.substring(dot + 1, comma));
        if (nanos < 0 || nanos > 999_999_999) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        return new QueueCursor(Instant.ofEpochSecond(seconds, nanos), decoded.substring(comma + 1));
    }
}
