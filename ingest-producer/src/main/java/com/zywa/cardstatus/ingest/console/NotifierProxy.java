package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.support.security.Caller;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's subscriptions page asks status-notifier ({@code /api/v1/subscriptions}, role ops) with the configured
 * key: list, one subscription with its last attempts, pause, resume, send a test event, redeliver a time range. Not
 * create, rotate or delete: those stay with the notifier's API, so no signing secret ever reaches the console, and
 * an answer that carried one anyway has it removed.
 */
@RestController
@RequestMapping(path = NotifierProxy.SUBSCRIPTIONS, produces = MediaType.APPLICATION_JSON_VALUE)
class NotifierProxy {

    static final String SUBSCRIPTIONS = ConsoleRoutes.API + "/subscriptions";
    private static final String NOTIFIER = "/api/v1/subscriptions";
    private static final String OPS = "an ops key";

    /** The time range of webhooks to send again, as the notifier takes it. */
    record Range(@Nullable Instant from, @Nullable Instant to) {}

    private final Upstream notifier;

    NotifierProxy(ConsoleSettings settings) {
        this.notifier = new Upstream(
                "status-notifier",
                settings.notifierUrl(),
                settings.notifierKey(),
                "cardstatus.ingest.console.notifier-key",
                "notifier");
    }

    @GetMapping
    ResponseEntity<?> list() {
        return withoutSecrets(notifier.get(NOTIFIER, Map.of(), OPS));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return withoutSecrets(notifier.get(NOTIFIER + "/" + id, Map.of(), OPS));
    }

    @PostMapping("/{id}/pause")
    ResponseEntity<?> pause(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        String reason = Json.MAPPER.writeValueAsString(Map.of("reason", "paused in the console by " + caller.name()));
        return withoutSecrets(notifier.post(NOTIFIER + "/" + id + "/pause", reason, OPS));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<?> resume(@PathVariable UUID id) {
        return withoutSecrets(notifier.post(NOTIFIER + "/" + id + "/resume", null, OPS));
    }

    @PostMapping("/{id}/test")
    ResponseEntity<?> test(@PathVariable UUID id) {
        return withoutSecrets(notifier.post(NOTIFIER + "/" + id + "/test", null, OPS));
    }

    @PostMapping(path = "/{id}/redeliver", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> redeliver(@PathVariable UUID id, @RequestBody Range range) {
        return withoutSecrets(
                notifier.post(NOTIFIER + "/" + id + "/redeliver", Json.MAPPER.writeValueAsString(range), OPS));
    }

    /** The notifier's answer without any {@code secret} field, wherever it is. */
    static ResponseEntity<?> withoutSecrets(ResponseEntity<?> answer) {
        if (!(answer.getBody() instanceof byte[] body)) {
            return answer;
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return answer;
        }
        if (tree.findParents("secret").isEmpty()) {
            return answer;
        }
        tree.findParents("secret").forEach(parent -> ((ObjectNode) parent).remove("secret"));
        return ResponseEntity.status(answer.getStatusCode())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Json.MAPPER.writeValueAsBytes(tree));
    }
}
