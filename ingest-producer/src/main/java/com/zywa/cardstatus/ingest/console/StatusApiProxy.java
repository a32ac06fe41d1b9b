package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.support.errors.ErrorAnswers;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's questions to status-api: a signed-in ops user's card lookup ({@code GET /get_card_status}), the
 * list of unmapped reasons ({@code GET /api/v1/unmapped-reasons}, which needs an {@code ops} key) and the work queue
 * (its search, counts and CSV export, contract §13; the export needs an {@code ops} key), asked with the configured
 * key and answered back unchanged (status, content type and body), so the browser talks to this origin only.
 */
@RestController
class StatusApiProxy {

    private static final List<String> QUEUE_FILTERS = List.of(
            "status",
            "partner",
            "reason",
            "action_required",
            "responsible",
            "stalled",
            "updated_since",
            "updated_before",
            "cursor",
            "limit");

    private final ConsoleSettings settings;
    private final RestClient http;

    StatusApiProxy(ConsoleSettings settings) {
        this.settings = settings;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(3_000);
        timeouts.setReadTimeout(10_000);
        this.http = RestClient.builder().requestFactory(timeouts).build();
    }

    @GetMapping(path = ConsoleRoutes.API + "/cards", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> lookUp(
            @RequestParam(name = "card_id", required = false) String cardId,
            @RequestParam(required = false) String phone) {
        Map<String, String> query = new LinkedHashMap<>();
        if (cardId != null && !cardId.isBlank()) {
            query.put("card_id", cardId.strip());
        }
        if (phone != null && !phone.isBlank()) {
            query.put("user_phone", phone.strip());
        }
        return ask("/get_card_status", query, "a reader or ops key");
    }

    @GetMapping(path = ConsoleRoutes.API + "/unmapped-reasons", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> unmappedReasons() {
        return ask("/api/v1/unmapped-reasons", Map.of(), "an ops key for the unmapped reasons");
    }

    @GetMapping(path = ConsoleRoutes.API + "/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> queue(@RequestParam MultiValueMap<String, String> params) {
        return ask("/api/v1/cards", queueFilters(params), "a reader or ops key");
    }

    @GetMapping(path = ConsoleRoutes.API + "/queue/counts", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> queueCounts() {
        return ask("/api/v1/card-counts", Map.of(), "a reader or ops key");
    }

    @GetMapping(path = ConsoleRoutes.API + "/queue.csv")
    ResponseEntity<?> queueCsv(@RequestParam MultiValueMap<String, String> params) {
        Map<String, String> filters = queueFilters(params);
        filters.remove("cursor");
        filters.remove("limit");
        return ask("/api/v1/cards.csv", filters, "an ops key for the export");
    }

    /** The work-queue filters of {@code params}, each one's values joined by commas; other parameters are dropped. */
    private static Map<String, String> queueFilters(MultiValueMap<String, String> params) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : QUEUE_FILTERS) {
            List<String> values = params.get(name);
            if (values != null) {
                String joined = String.join(
                        ",", values.stream().filter(v -> !v.isBlank()).toList());
                if (!joined.isEmpty()) {
                    filters.put(name, joined);
                }
            }
        }
        return filters;
    }

    /** status-api's answer to {@code path} with {@code query}; {@code needed} says what key a refusal calls for. */
    private ResponseEntity<?> ask(String path, Map<String, String> query, String needed) {
        if (!settings.canLookUp()) {
            return ErrorAnswers.answer(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "lookup_not_configured",
                    "the console's questions to status-api need a key for it (cardstatus.ingest.console.status-api-key)");
        }
        // as URI variables, so that they are encoded strictly (a phone's "+" stays a plus sign)
        UriComponentsBuilder uri =
                UriComponentsBuilder.fromUri(settings.statusApiUrl()).path(path);
        query.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        URI target = uri.encode().buildAndExpand(query).toUri();
        try {
            return http.get()
                    .uri(target)
                    .header("X-API-Key", settings.statusApiKey())
                    .exchange((request, response) -> answer(
                            response.getStatusCode().value(),
                            response.getHeaders().getContentType(),
                            response.getBody().readAllBytes(),
                            needed));
        } catch (RestClientException e) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_GATEWAY,
                    "status_api_unavailable",
                    "status-api did not answer at " + settings.statusApiUrl());
        }
    }

    /** status-api's answer as it is, unless it refused this service's key: that is a configuration error here. */
    private static ResponseEntity<?> answer(int status, MediaType type, byte[] body, String needed) {
        if (status == 401 || status == 403) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_GATEWAY,
                    "lookup_refused",
                    "status-api refused the console's key (cardstatus.ingest.console.status-api-key must be " + needed
                            + ")");
        }
        return ResponseEntity.status(status)
                .contentType(type == null ? MediaType.APPLICATION_JSON : type)
                .body(body);
    }
}
