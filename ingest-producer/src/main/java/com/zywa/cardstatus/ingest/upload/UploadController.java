package com.zywa.cardstatus.ingest.upload;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.support.security.Caller;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Ops upload partner CSV files here and read the report of each upload, which names who uploaded it. The ops
 * console calls the same endpoints under its own path, where its session and CSRF token are checked.
 */
@RestController
class UploadController {

    private final UploadService service;

    UploadController(UploadService service) {
        this.service = service;
    }

    @PostMapping(path = "/uploads", consumes = "multipart/form-data")
    ResponseEntity<UploadReport> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String timezone,
            @RequestParam(required = false) @Nullable String partner,
            @AuthenticationPrincipal Caller caller) {
        UploadService.Request request =
                new UploadService.Request(fileName(file), kind, zone(timezone), partner, "http", null, caller.name());
        UploadReport report = service.ingest(request, file::getInputStream);
        return ResponseEntity.created(URI.create("/uploads/" + report.uploadId()))
                .body(report);
    }

    @GetMapping("/uploads")
    List<UploadReport> recent(@RequestParam(defaultValue = "50") int limit) {
        return service.recent(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/uploads/{id}")
    ResponseEntity<?> report(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        UUID uploadId;
        try {
            uploadId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest()
                    .body(ErrorBody.of("invalid_upload_id", "'" + id + "' is not an upload ID"));
        }
        if (page < 0 || size < 1 || size > 1000) {
            return ResponseEntity.badRequest().body(ErrorBody.of("invalid_page", "page must be >= 0 and size 1..1000"));
        }
        return service.find(uploadId, page, size)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ErrorBody.of("not_found", "no upload with ID " + id)));
    }

    @ExceptionHandler(UploadRefusedException.class)
    ResponseEntity<ErrorBody> refused(UploadRefusedException e) {
        return ResponseEntity.unprocessableContent().body(new ErrorBody(e.code(), e.getMessage(), e.uploadId()));
    }

    @ExceptionHandler(UploadFailedException.class)
    ResponseEntity<ErrorBody> failed(UploadFailedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new ErrorBody(e.code(), e.getMessage(), e.uploadId()));
    }

    @ExceptionHandler(InvalidTimezoneException.class)
    ResponseEntity<ErrorBody> badZone(InvalidTimezoneException e) {
        return ResponseEntity.badRequest().body(ErrorBody.of("invalid_timezone", e.getMessage()));
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private static @Nullable ZoneId zone(@Nullable String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new InvalidTimezoneException(
                    "timezone '" + timezone + "' is not a zone ID such as Asia/Dubai or +04:00");
        }
    }

    static class InvalidTimezoneException extends RuntimeException {
        InvalidTimezoneException(String message) {
            super(message);
        }
    }
}
