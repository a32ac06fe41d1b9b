package com.zywa.cardstatus.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** The JSON body of every error answer: a stable code, a message a person can act on, and the upload if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, UUID uploadId) {

    public static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null);
    }
}
