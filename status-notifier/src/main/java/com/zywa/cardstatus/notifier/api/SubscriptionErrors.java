package com.zywa.cardstatus.notifier.api;

import com.zywa.cardstatus.contract.ErrorBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The notifier's own failures as an {@link ErrorBody} with their status; Spring's common ones are mapped elsewhere. */
@RestControllerAdvice
class SubscriptionErrors {

    @ExceptionHandler(SubscriptionException.class)
    ResponseEntity<ErrorBody> subscription(SubscriptionException e) {
        return ResponseEntity.status(e.status()).body(ErrorBody.of(e.code(), e.getMessage()));
    }
}
