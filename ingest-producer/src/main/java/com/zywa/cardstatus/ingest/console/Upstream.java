package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.support.errors.ErrorAnswers;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A service the console asks on a signed-in ops user's behalf, with a key of this service's own (the user's key
 * never leaves the sign-in request): its answers come back unchanged (status, content type and body), except a refusal of that
 * key, which is this service's configuration error (502), not the user's sign-out.
 */
final class Upstream {

    private final String name;
    private final URI url;
    private final @Nullable String key;
    private final String keySetting;
    private final String errorPrefix;
    private final RestClient http;

    /**
     * @param name the service, as messages name it ({@code status-api})
     * @param keySetting the setting of {@code key}, named when it is missing or refused
     * @param errorPrefix the errors' prefix: {@code <prefix>_not_configured}, {@code <prefix>_refused}
     */
    Upstream(String name, URI url, @Nullable String key, String keySetting, String errorPrefix) {
        this.name = name;
        this.url = url;
        this.key = key;
        this.keySetting = keySetting;
        this.errorPrefix = errorPrefix;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(3_000);
        timeouts.setReadTimeout(15_000);
        this.http = RestClient.builder().requestFactory(timeouts).build();
    }

    /** The answer to {@code GET path?query}; {@code needed} says what key a refusal calls for. */
    ResponseEntity<?> get(String path, Map<String, String> query, String needed) {
        return ask(HttpMethod.GET, path, query, null, needed);
    }

    /** The answer to {@code POST path} with a JSON body (or none). */
    ResponseEntity<?> post(String path, @Nullable String json, String needed) {
        return ask(HttpMethod.POST, path, Map.of(), json, needed);
    }

    private ResponseEntity<?> ask(
            HttpMethod method, String path, Map<String, String> query, @Nullable String json, String needed) {
        if (key == null || key.isBlank()) {
            return ErrorAnswers.answer(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    errorPrefix + "_not_configured",
                    "the console's questions to " + name + " need a key for it (" + keySetting + ")");
        }
        // as URI variables, so that they are encoded strictly (a phone's "+" stays a plus sign)
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(url).path(path);
        query.keySet().forEach(param -> uri.queryParam(param, "{" + param + "}"));
        URI target = uri.encode().buildAndExpand(query).toUri();
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(target).header("X-API-Key", key);
            if (json != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json);
            }
            return request.exchange((sent, response) -> answer(
                    response.getStatusCode().value(),
                    response.getHeaders().getContentType(),
                    response.getBody().readAllBytes(),
                    needed));
        } catch (RestClientException e) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_GATEWAY,
                    name.replace('-', '_') + "_unavailable",
                    name + " did not answer at " + url);
        }
    }

    private ResponseEntity<?> answer(int status, @Nullable MediaType type, byte[] body, String needed) {
        if (status == 401 || status == 403) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_GATEWAY,
                    errorPrefix + "_refused",
                    name + " refused the console's key (" + keySetting + " must be " + needed + ")");
        }
        return ResponseEntity.status(status)
                .contentType(type == null ? MediaType.APPLICATION_JSON : type)
                .body(body);
    }
}
