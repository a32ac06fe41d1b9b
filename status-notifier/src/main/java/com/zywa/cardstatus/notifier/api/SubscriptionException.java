package com.zywa.cardstatus.notifier.api;

import org.springframework.http.HttpStatus;

/** A subscription request that cannot be done: invalid (400), unknown subscription (404), too many (409), Kafka down (503). */
class SubscriptionException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private SubscriptionException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static SubscriptionException invalid(String code, String message) {
        return new SubscriptionException(HttpStatus.BAD_REQUEST, code, message);
    }

    static SubscriptionException notFound(Object id) {
        return new SubscriptionException(HttpStatus.NOT_FOUND, "not_found", "no subscription with ID " + id);
    }

    static SubscriptionException conflict(String code, String message) {
        return new SubscriptionException(HttpStatus.CONFLICT, code, message);
    }

    static SubscriptionException unavailable(String code, String message) {
        return new SubscriptionException(HttpStatus.SERVICE_UNAVAILABLE, code, message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
