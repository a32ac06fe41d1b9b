package com.zywa.cardstatus.ingest.web;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.InputLimits;
import java.io.IOException;

/** A JSON request body larger than {@link InputLimits#JSON_BODY_BYTES}, found before or while it is read. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException() {
        super("the request body is larger than " + InputLimits.JSON_BODY_BYTES + " bytes (1 MiB); send at most "
                + InputLimits.EVENTS_PER_REQUEST + " events per request, in smaller requests");
    }

    ErrorBody body() {
        return ErrorBody.of("body_too_large", getMessage());
    }
}
