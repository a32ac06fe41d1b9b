package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.formats.events.Candidate;
import com.zywa.cardstatus.formats.events.PartnerEvent;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.support.limits.RateLimits;
import com.zywa.cardstatus.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partners publish courier events here, one JSON object or an array of them, or CloudEvents (binary, structured or
 * batch mode, see {@link HttpCloudEvents}): at most {@link InputLimits#EVENTS_PER_REQUEST} per request, in a body of at most {@link InputLimits#JSON_BODY_BYTES}.
 * The events are the calling partner's own: {@code ?partner=} may only name it (IngestAccess refuses any other with
 * 403 before the body is read), and the caller's name is recorded as their sender. A partner over its events rate
 * ({@link EventRates}) is answered 429 with {@code Retry-After}, none of the request's events applied.
 */
@RestController
class PartnerEventsController {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    private static final Logger log = LoggerFactory.getLogger(PartnerEventsController.class);
    private final PartnerEventsService service;
    private final Partners partners;
    private final EventRates rates;

    PartnerEventsController(PartnerEventsService service, Partners partners, EventRates rates) {
        this.service = service;
        this.partners = partners;
        this.rates = rates;
    }

    @Operation(
            summary = "Publish partner events; answers per event whether it was accepted or why it was rejected",
            description = "Also takes CloudEvents 1.0 on the same path, answered the same way (contract §3): binary "
                    + "mode (ce- headers, the JSON data {phone, comment} as body), structured mode (Content-Type "
                    + "application/cloudevents+json) and batches (application/cloudevents-batch+json). One OpenAPI "
                    + "operation per path and method, so those are described here.")
    @Parameter(
            name = "partner",
            in = ParameterIn.QUERY,
            description = "the calling partner (the default); another " + "partner is refused with 403")
    @PostMapping(path = "/events", consumes = "application/json")
    ResponseEntity<?> publish(@RequestBody List<PartnerEvent> events, @AuthenticationPrincipal Caller caller) {
        if (events.isEmpty() || events.size() > InputLimits.EVENTS_PER_REQUEST) {
            return ResponseEntity.badRequest()
                    .body(ErrorBody.of(
                            "invalid_batch",
                            "send 1 to " + InputLimits.EVENTS_PER_REQUEST + " events per request; got "
                                    + events.size()));
        }
        RateLimits.Verdict verdict = rates.take(caller.partner(), events.size());
        if (!verdict.allowed()) {
            return RateLimits.tooManyRequests(verdict, rates.overRate(caller.partner(), verdict));
        }
        return ResponseEntity.ok(service.publish(events, caller.partner(), caller.name()));
    }

    @Operation(hidden = true)
    @PostMapping(path = "/events", headers = "ce-specversion", consumes = "application/json")
    ResponseEntity<?> binary(
            @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body,
            @AuthenticationPrincipal Caller caller) {
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(all::put);
        return cloudEvents(
                HttpCloudEvents.single(all, body == null ? new byte[0] : body, partners, caller.partner()), caller);
    }

    @Operation(hidden = true)
    @PostMapping(path = "/events", consumes = STRUCTURED)
    ResponseEntity<?> structured(@RequestBody byte[] body, @AuthenticationPrincipal Caller caller) {
        return cloudEvents(
                HttpCloudEvents.single(Map.of("Content-Type", List.of(STRUCTURED)), body, partners, caller.partner()),
                caller);
    }

    @Operation(hidden = true)
    @PostMapping(path = "/events", consumes = BATCH)
    ResponseEntity<?> batch(@RequestBody byte[] body, @AuthenticationPrincipal Caller caller) {
        List<Candidate> candidates = HttpCloudEvents.batch(body, partners, caller.partner());
        if (candidates == null) {
            return ResponseEntity.badRequest()
                    .body(ErrorBody.of(
                            "invalid_batch", "a CloudEvents batch is a JSON array " + "of events in structured mode"));
        }
        return cloudEvents(candidates, caller);
    }

    private ResponseEntity<?> cloudEvents(List<Candidate> candidates, Caller caller) {
        if (!HttpCloudEvents.sizeAllowed(candidates)) {
            return ResponseEntity.badRequest()
                    .body(ErrorBody.of(
                            "invalid_batch",
                            "send 1 to " + InputLimits.EVENTS_PER_REQUEST + " events per request; got "
                                    + candidates.size()));
        }
        RateLimits.Verdict verdict = rates.take(caller.partner(), candidates.size());
        if (!verdict.allowed()) {
            return RateLimits.tooManyRequests(verdict, rates.overRate(caller.partner(), verdict));
        }
        return ResponseEntity.ok(service.publishCandidates(candidates, caller.partner(), caller.name()));
    }

    /** A CloudEvent whose source is another partner's: the request is refused as a whole, as for ?partner=. */
    @ExceptionHandler(HttpCloudEvents.ForeignSourceException.class)
    ResponseEntity<ErrorBody> foreignSource(HttpCloudEvents.ForeignSourceException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ErrorBody.of("forbidden", e.getMessage()));
    }

    /** Kafka down or unreachable: the request's transaction was aborted (or never began), so none of it applies. */
    @ExceptionHandler({KafkaException.class, org.springframework.kafka.KafkaException.class})
    ResponseEntity<ErrorBody> unpublished(RuntimeException e) {
        String cause = SafeMessages.rootCause(e);
        log.warn("partner events could not be published; none of them was applied: {}", cause);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ErrorBody.of(
                        "publish_failed",
                        "the events could not be published and none of them was applied; send them again (" + cause
                                + ")"));
    }
}
