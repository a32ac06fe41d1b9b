package com.zywa.cardstatus.support.errors;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way an {@link ErrorBody} becomes an answer: returned by a controller or an advice, or written by a filter
 * or a security handler, which answer before any controller is reached.
 */
public final class ErrorAnswers {

    private ErrorAnswers() {}

    /** The answer of a controller or an advice. */
    public static ResponseEntity<ErrorBody> answer(HttpStatusCode status, String code, String message) {
        return answer(status, ErrorBody.of(code, message));
    }

    /** The answer of a controller or an advice. */
    public static ResponseEntity<ErrorBody> answer(HttpStatusCode status, ErrorBody body) {
        return ResponseEntity.status(status).body(body);
    }

    /** Writes the answer of a filter or a security handler, which no advice sees. */
    public static void write(HttpServletResponse response, HttpStatusCode status, String code, String message)
            throws IOException {
        write(response, status, ErrorBody.of(code, message));
    }

    /** Writes the answer of a filter or a security handler, which no advice sees. */
    public static void write(HttpServletResponse response, HttpStatusCode status, ErrorBody body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(body));
    }
}
