package com.zywa.cardstatus.ingest.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's questions to status-api: a signed-in ops user's card lookup ({@code GET /get_card_status}), the
 * list of unmapped reasons ({@code GET /api/v1/unmapped-reasons}) and the projection's rebuilds and their progress
 * ({@code GET /api/v1/projection/rebuilds}; both need an {@code ops} key), asked with the
 * configured key and answered back unchanged (status and JSON body), so the browser talks to this origin only.
 */
@RestController
class StatusApiProxy {

    private final Upstream statusApi;

    StatusApiProxy(ConsoleSettings settings) {
        this.statusApi = new Upstream(
                "status-api",
                settings.statusApiUrl(),
                settings.statusApiKey(),
                "cardstatus.ingest.console.status-api-key",
                "lookup");
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
        return statusApi.get("/get_card_status", query, "a reader or ops key");
    }

    @GetMapping(path = ConsoleRoutes.API + "/unmapped-reasons", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> unmappedReasons() {
        return statusApi.get("/api/v1/unmapped-reasons", Map.of(), "an ops key for the unmapped reasons");
    }

    @GetMapping(path = ConsoleRoutes.API + "/projection-rebuilds", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> projectionRebuilds() {
        return statusApi.get("/api/v1/projection/rebuilds", Map.of(), "an ops key for the projection's rebuilds");
    }
}
