package com.zywa.cardstatus.system;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Uploads and partner events sent to one ingest-producer, each answer with how long it took, so the failure tests
 * can say what a caller saw while a part was down, sent with the test keys (ops for uploads, partner {@code default}
 * for events). A hung call fails after two minutes instead of hanging the test.
 */
final class IngestCalls {

    /** An answer: HTTP status, JSON body, and the time it took. */
    record Reply(int status, JsonNode body, Duration took) {

        String error() {
            return body == null || body.get("error") == null
                    ? ""
                    : body.get("error").asString();
        }
    }

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;

    IngestCalls(String ingestUrl) {
        this.ingestUrl = ingestUrl;
    }

    Reply upload(Path file) {
        String boundary = "fault-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        try {
            return send(HttpRequest.newBuilder(URI.create(ingestUrl + "/uploads"))
                    .timeout(LIMIT)
                    .header("X-API-Key", TestCredentials.OPS_KEY)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofString(head),
                            HttpRequest.BodyPublishers.ofFile(file),
                            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply events(String json) {
        return send(HttpRequest.newBuilder(URI.create(ingestUrl + "/events"))
                .timeout(LIMIT)
                .header("X-API-Key", TestCredentials.PARTNER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private Reply send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            return new Reply(
                    response.statusCode(),
                    body.isBlank() ? null : Json.MAPPER.readTree(body),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
