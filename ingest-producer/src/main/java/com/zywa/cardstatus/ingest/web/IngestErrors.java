package com.zywa.cardstatus.ingest.web;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.ingest.Partners.UnknownPartnerException;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The request problems only ingest meets (an unknown partner, a missing or oversized file, a body too large or not
 * JSON), as {@link ErrorBody} answers that say what to send instead; service-support's advice answers the rest.
 */
@RestControllerAdvice
class IngestErrors {

    @ExceptionHandler(UnknownPartnerException.class)
    ResponseEntity<ErrorBody> unknownPartner(UnknownPartnerException e) {
        return ErrorAnswers.answer(HttpStatus.BAD_REQUEST, "unknown_partner", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorBody> missingPart(MissingServletRequestPartException e) {
        return ErrorAnswers.answer(
                HttpStatus.BAD_REQUEST,
                "missing_file",
                "multipart field '" + e.getRequestPartName() + "' is required: send the CSV as -F "
                        + e.getRequestPartName() + "=@<path>");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return ErrorAnswers.answer(
                HttpStatus.CONTENT_TOO_LARGE,
                "file_too_large",
                "the file is larger than the upload limit (" + e.getMaxUploadSize()
                        + " bytes); split it or ask ops to raise spring.servlet.multipart.max-file-size");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorBody> notMultipart(MultipartException e) {
        return ErrorAnswers.answer(
                HttpStatus.BAD_REQUEST,
                "not_multipart",
                "send the file as multipart/form-data in field 'file': " + e.getMessage());
    }
}
