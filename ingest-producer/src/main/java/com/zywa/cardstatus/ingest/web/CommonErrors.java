package com.zywa.cardstatus.ingest.web;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.ingest.Partners.UnknownPartnerException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns request problems (an unknown partner, a missing part...) and unexpected failures into {@link ErrorBody}
 * answers, never a stack trace; one home for the errors every controller can meet.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class CommonErrors {

    private static final Logger log = LoggerFactory.getLogger(CommonErrors.class);

    @ExceptionHandler(UnknownPartnerException.class)
    ResponseEntity<ErrorBody> unknownPartner(UnknownPartnerException e) {
        return answer(HttpStatus.BAD_REQUEST, "unknown_partner", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorBody> missingPart(MissingServletRequestPartException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "missing_file",
                "multipart field '" + e.getRequestPartName() + "' is required: send the CSV as -F "
                        + e.getRequestPartName() + "=@<path>");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return answer(
                HttpStatus.BAD_REQUEST, "missing_parameter", "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "invalid_parameter",
                "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return answer(
                HttpStatus.CONTENT_TOO_LARGE,
                "file_too_large",
                "the file is larger than the upload limit (" + e.getMaxUploadSize()
                        + " bytes); split it or ask ops to raise spring.servlet.multipart.max-file-size");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorBody> notMultipart(MultipartException e) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "not_multipart",
                "send the file as multipart/form-data in field 'file': " + e.getMessage());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ErrorBody> bodyTooLarge(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(e.body());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        return answer(
                HttpStatus.BAD_REQUEST,
                "invalid_json",
                "the request body is not the expected JSON: "
                        + (cause == null ? e.getMessage() : cause.getMessage())
                                .lines()
                                .findFirst()
                                .orElse(""));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> notFound(NoResourceFoundException e) {
        String path = e.getResourcePath().startsWith("/") ? e.getResourcePath() : "/" + e.getResourcePath();
        return answer(
                HttpStatus.NOT_FOUND,
                "not_found",
                "nothing at " + e.getHttpMethod() + " " + path + "; see /swagger-ui.html for this service's API");
    }

    /** Any other client error Spring knows the status of (406, 400 for a missing header...): answered, not logged. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ErrorBody> databaseUnavailable(DataAccessException e) {
        log.warn("database unavailable: {}", SafeMessages.rootCause(e));
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database_unavailable",
                "the upload database cannot be reached " + "right now, so nothing was done; try again in a moment");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            log.debug("client error {}", status, e);
            return answer(status, status.name().toLowerCase(Locale.ROOT), e.getMessage());
        }
        log.error("unexpected failure", e);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "the request failed unexpectedly; the error is logged: "
                        + e.getClass().getSimpleName());
    }

    private static ResponseEntity<ErrorBody> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(ErrorBody.of(code, message));
    }
}
