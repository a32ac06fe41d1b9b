package com.zywa.cardstatus.notifier.api;

import com.zywa.cardstatus.notifier.delivery.Attempt;
import com.zywa.cardstatus.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions to card changes (contract §9), for role ops: manage them, see their attempts, redeliver, test. */
@RestController
@RequestMapping(path = "/api/v1/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionController {

    private final SubscriptionService service;

    SubscriptionController(SubscriptionService service) {
        this.service = service;
    }

    @Operation(summary = "Subscribe a URL to card changes; the answer holds the signing secret, shown only here")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubscriptionView> create(
            @RequestBody SubscriptionRequest request, @AuthenticationPrincipal Caller caller) {
        SubscriptionView created = service.create(request, caller.name());
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Every subscription with its state and backlog")
    @GetMapping
    Map<String, List<SubscriptionView>> list() {
        return Map.of("subscriptions", service.list());
    }

    @Operation(summary = "One subscription with its state, backlog and last attempts")
    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @Operation(summary = "Stop delivering to a subscription; its backlog is kept and grows while paused")
    @PostMapping("/{id}/pause")
    SubscriptionView pause(@PathVariable UUID id, @RequestBody(required = false) @Nullable Map<String, String> body) {
        return service.pause(id, body == null ? null : body.get("reason"));
    }

    @Operation(summary = "Deliver again, backlog first, with a fresh retry horizon")
    @PostMapping("/{id}/resume")
    SubscriptionView resume(@PathVariable UUID id) {
        return service.resume(id);
    }

    @Operation(summary = "Delete a subscription, its backlog and its attempts")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    @Operation(summary = "A new signing secret, shown only here; the previous one signs beside it for the overlap")
    @PostMapping("/{id}/rotate-secret")
    SubscriptionView rotate(@PathVariable UUID id) {
        return service.rotate(id);
    }

    @Operation(summary = "Send a signed test event now and say how the receiver answered")
    @PostMapping("/{id}/test")
    Attempt test(@PathVariable UUID id) {
        return service.test(id);
    }

    @Operation(summary = "Send again the webhooks enqueued in a time range, with their own webhook-ids")
    @PostMapping(path = "/{id}/redeliver", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Integer>> redeliver(@PathVariable UUID id, @RequestBody RedeliveryRequest range) {
        return ResponseEntity.accepted().body(Map.of("requeued", service.redeliver(id, range)));
    }

    @Operation(summary = "The subscription's attempts, newest first")
    @GetMapping("/{id}/attempts")
    Map<String, List<Attempt>> attempts(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        return Map.of("attempts", service.attempts(id, limit));
    }
}
