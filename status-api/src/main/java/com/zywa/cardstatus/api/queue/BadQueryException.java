package com.zywa.cardstatus.api.queue;

/** A search asked wrongly: answered 400 with its code ({@code invalid_filter}, {@code invalid_cursor}, ...). */
final class BadQueryException extends RuntimeException {

    private final String code;

    BadQueryException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
