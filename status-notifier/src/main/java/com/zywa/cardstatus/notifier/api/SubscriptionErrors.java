package com.zywa.cardstatus.notifier.api;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The notifier's own failures, and a request body that is not the JSON asked for, as {@link ErrorBody} answers;
 * service-support's advice answers the rest.
 */
@RestControllerAdvice
class SubscriptionErrors {

    @ExceptionHandler(SubscriptionException.class)
    ResponseEntity<ErrorBody> subscription(SubscriptionException e) {
        return ErrorAnswers.answer(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ErrorAnswers.answer(
                HttpStatus.BAD_REQUEST,
                "invalid_json",
                "the body must be a JSON object as the OpenAPI document describes (/v3/api-docs)");
    }
}
