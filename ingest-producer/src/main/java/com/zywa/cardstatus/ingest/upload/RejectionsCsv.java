package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.ErrorBody;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An upload's rejections as a CSV file ({@code line,reason}), streamed from the database row by row, for ops to
 * fix and send again. A reason that a spreadsheet would take for a formula is written as text.
 */
@RestController
class RejectionsCsv {

    private final UploadService service;

    RejectionsCsv(UploadService service) {
        this.service = service;
    }

    @GetMapping("/uploads/{id}/rejections.csv")
    @Nullable
    ResponseEntity<ErrorBody> download(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        if (service.find(id, 0, 1).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ErrorBody.of("not_found", "no upload with ID " + id));
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("rejections-" + id + ".csv")
                        .build()
                        .toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("line,reason\r\n");
        service.eachRejection(id, rejection -> {
            try {
                out.write(rejection.line() + "," + field(rejection.reason()) + "\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
        return null;
    }

    /** One CSV field, quoted; a leading {@code = + - @} is escaped so that no spreadsheet runs it as a formula. */
    static String field(@Nullable String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
