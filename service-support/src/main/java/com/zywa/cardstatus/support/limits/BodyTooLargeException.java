package com.zywa.cardstatus.support.limits;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.InputLimits;
import java.io.IOException;

/** A JSON request body larger than {@link InputLimits#JSON_BODY_BYTES}, found before or while it is read. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException() {
        super("the request body is larger than " + InputLimits.JSON_BODY_BYTES + " bytes (1 MiB); send it in smaller "
                + "requests (at most " + InputLimits.EVENTS_PER_REQUEST + " events per request to ingest)");
    }

    /** The answer's body: {@code body_too_large}. */
    public ErrorBody body() {
        return ErrorBody.of("body_too_large", getMessage());
    }
}
