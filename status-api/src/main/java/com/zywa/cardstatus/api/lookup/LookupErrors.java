package com.zywa.cardstatus.api.lookup;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.SafeMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure of the API as an {@link ErrorBody} with the right status; never a stack trace. */
@RestControllerAdvice
class LookupErrors {

    private static final Logger log = LoggerFactory.getLogger(LookupErrors.class);

    @ExceptionHandler(LookupException.class)
    ResponseEntity<ErrorBody> lookup(LookupException e) {
        return ResponseEntity.status(e.status()).body(ErrorBody.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest()
                .body(ErrorBody.of("missing_parameter", "parameter '" + e.getParameterName() + "' is required"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noSuchPath(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ErrorBody.of("not_found", "no endpoint at /" + e.getResourcePath() + "; see /v3/api-docs"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ErrorBody.of("method_not_allowed", e.getMessage()));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ErrorBody> databaseUnavailable(DataAccessException e) {
        log.warn("database unavailable: {}", SafeMessages.rootCause(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ErrorBody.of(
                        "database_unavailable",
                        "the status database cannot be reached right now; try again in a moment"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("lookup failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ErrorBody.of(
                        "internal_error",
                        "the lookup failed unexpectedly; the error is logged ("
                                + e.getClass().getSimpleName() + ")"));
    }
}
