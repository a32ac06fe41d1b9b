package com.zywa.cardstatus.ingest.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's questions to status-api: a signed-in ops user's card lookup ({@code GET /get_card_status}), the
 * list of unmapped reasons ({@code GET /api/v1/unmapped-reasons}), the projection's rebuilds and their progress
 * ({@code GET /api/v1/projection/rebuilds}), the quarantined events ({@code GET /api/v1/quarantine}, contract §11.1),
 * the work queue (its search, counts and CSV export, contract §13) and the lookup audit ({@code GET
 * /api/v1/lookup-audit}, contract §12.1), asked with the configured key and answered back unchanged (status, content
 * type and body), so the browser talks to this origin only. The unmapped reasons, the rebuilds, the quarantine, the
 * export and the audit need an {@code ops} key.
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

    @GetMapping(path = ConsoleRoutes.API + "/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> quarantine() {
        return statusApi.get("/api/v1/quarantine", Map.of(), "an ops key for the quarantine");
    }

    @GetMapping(path = ConsoleRoutes.API + "/projection-rebuilds", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> projectionRebuilds() {
        return statusApi.get("/api/v1/projection/rebuilds", Map.of(), "an ops key for the projection's rebuilds");
    }

    @GetMapping(path = ConsoleRoutes.API + "/lookup-audit", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> lookupAudit(
            @RequestParam(required = false) String caller,
            @RequestParam(name = "card_id", required = false) String cardId,
            @RequestParam(required = false) String phone) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfGiven(query, "caller", caller);
        putIfGiven(query, "card_id", cardId);
        putIfGiven(query, "phone", phone);
        return statusApi.get("/api/v1/lookup-audit", query, "an ops key for the lookup audit");
    }

    private static void putIfGiven(Map<String, String> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.put(name, value.strip());
        }
    }

    @GetMapping(path = ConsoleRoutes.API + "/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> queue(@RequestParam MultiValueMap<String, String> params) {
        return statusApi.get("/api/v1/cards", queueFilters(params), "a reader or ops key");
    }

    @GetMapping(path = ConsoleRoutes.API + "/queue/counts", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> queueCounts() {
        return statusApi.get("/api/v1/card-counts", Map.of(), "a reader or ops key");
    }

    @GetMapping(path = ConsoleRoutes.API + "/queue.csv")
    ResponseEntity<?> queueCsv(@RequestParam MultiValueMap<String, String> params) {
        Map<String, String> filters = queueFilters(params);
        filters.remove("cursor");
        filters.remove("limit");
        return statusApi.get("/api/v1/cards.csv", filters, "an ops key for the export");
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
}
