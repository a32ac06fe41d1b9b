package com.zywa.cardstatus.api.lookup;

import org.springframework.http.HttpStatus;

/** A lookup that cannot be answered with a card: bad parameters (400) or nothing found (404). */
class LookupException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    LookupException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static LookupException badRequest(String code, String message) {
        return new LookupException(HttpStatus.BAD_REQUEST, code, message);
    }

    static LookupException notFound(String message) {
        return new LookupException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
