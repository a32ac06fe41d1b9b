package com.zywa.cardstatus.support.errors;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.support.limits.BodyTooLargeException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The failures every service's requests can meet, as {@link ErrorBody} answers and never a stack trace: Spring's
 * client errors keep their status, a database that cannot answer now is a 503, anything else a 500 that is logged.
 * Consulted last, after the service's own advice and its controllers' handlers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class CommonErrors {

    private static final Logger log = LoggerFactory.getLogger(CommonErrors.class);

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return ErrorAnswers.answer(
                HttpStatus.BAD_REQUEST, "missing_parameter", "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> invalidParameter(MethodArgumentTypeMismatchException e) {
        return ErrorAnswers.answer(
                HttpStatus.BAD_REQUEST,
                "invalid_parameter",
                "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> notFound(NoResourceFoundException e) {
        String path = e.getResourcePath().startsWith("/") ? e.getResourcePath() : "/" + e.getResourcePath();
        return ErrorAnswers.answer(
                HttpStatus.NOT_FOUND,
                "not_found",
                "nothing at " + e.getHttpMethod() + " " + path + "; see /swagger-ui.html for this service's API");
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ErrorBody> bodyTooLarge(BodyTooLargeException e) {
        return ErrorAnswers.answer(HttpStatus.CONTENT_TOO_LARGE, e.body());
    }

    /** A body that is not the JSON expected is the caller's error (400), one cut off at the limit a 413. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        return ErrorAnswers.answer(
                HttpStatus.BAD_REQUEST,
                "invalid_json",
                "the request body is not the expected JSON: "
                        + (cause == null ? e.getMessage() : cause.getMessage())
                                .lines()
                                .findFirst()
                                .orElse(""));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ErrorBody> database(DataAccessException e) {
        Failures.Kind kind = Failures.kind(e);
        if (kind != Failures.Kind.DATABASE_UNAVAILABLE && kind != Failures.Kind.RETRIABLE) {
            return unexpected(e);
        }
        log.warn("database unavailable: {}", SafeMessages.rootCause(e));
        return ErrorAnswers.answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database_unavailable",
                "the database cannot be reached right now, so nothing was done; try again in a moment");
    }

    /** Any other client error Spring knows the status of (405, 406, 415...) keeps it; anything else is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = known.getStatusCode();
            log.debug("client error {}", status, e);
            return ResponseEntity.status(status)
                    .headers(known.getHeaders())
                    .body(ErrorBody.of(code(status), e.getMessage()));
        }
        log.error("unexpected failure", e);
        return ErrorAnswers.answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "the request failed unexpectedly; the error is logged");
    }

    /** {@code method_not_allowed} for 405, and so on. */
    private static String code(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "client_error" : known.name().toLowerCase(Locale.ROOT);
    }
}
