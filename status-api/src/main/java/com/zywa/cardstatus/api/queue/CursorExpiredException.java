package com.zywa.cardstatus.api.queue;

/**
 * A cursor that can no longer be followed exactly (older than {@code cardstatus.api.queue.cursor-ttl}, or opened
 * before a projection rebuild): answered 410 {@code cursor_expired}; the client starts the list again.
 */
final class CursorExpiredException extends RuntimeException {

    CursorExpiredException(String message) {
        super(message, null, false, false);
    }
}
