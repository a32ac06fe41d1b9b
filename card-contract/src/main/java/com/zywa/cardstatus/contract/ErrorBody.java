package com.zywa.cardstatus.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The JSON body of every error answer of every service: a stable code, a message a person can act on, and the
 * upload it concerns when there is one ({@code upload_id}, left out otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("upload_id") UUID uploadId) {

    public static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null);
    }
}
