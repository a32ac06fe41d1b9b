package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.support.errors.ErrorAnswers;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's card lookup: passes a signed-in ops user's question to status-api's {@code GET /get_card_status}
 * with the configured reader key, and its answer (status and JSON body) back unchanged, so the browser talks to
 * this origin only.
 */
@RestController
class CardLookupProxy {

    private final ConsoleSettings settings;
    private final RestClient http;

    CardLookupProxy(ConsoleSettings settings) {
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
        if (!settings.canLookUp()) {
            return ErrorAnswers.answer(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "lookup_not_configured",
                    "the console's card lookup needs a reader key for status-api (cardstatus.ingest.console.status-api-key)");
        }
        // as URI variables, so that they are encoded strictly (a phone's "+" stays a plus sign)
        Map<String, String> values = new LinkedHashMap<>();
        UriComponentsBuilder uri =
                UriComponentsBuilder.fromUri(settings.statusApiUrl()).path("/get_card_status");
        if (cardId != null && !cardId.isBlank()) {
            uri.queryParam("card_id", "{card_id}");
            values.put("card_id", cardId.strip());
        }
        if (phone != null && !phone.isBlank()) {
            uri.queryParam("user_phone", "{user_phone}");
            values.put("user_phone", phone.strip());
        }
        URI target = uri.encode().buildAndExpand(values).toUri();
        try {
            return http.get()
                    .uri(target)
                    .header("X-API-Key", settings.statusApiKey())
                    .exchange((request, response) -> answer(
                            response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (RestClientException e) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_GATEWAY,
                    "status_api_unavailable",
                    "status-api did not answer at " + settings.statusApiUrl());
        }
    }

    /** status-api's answer as it is, unless it refused this service's key: that is a configuration error here. */
    private static ResponseEntity<?> answer(int status, byte[] body) {
        if (status == 401 || status == 403) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_GATEWAY,
                    "lookup_refused",
                    "status-api refused the console's key (cardstatus.ingest.console.status-api-key must be a reader or ops key)");
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
