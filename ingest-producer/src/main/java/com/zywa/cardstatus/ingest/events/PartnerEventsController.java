package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.SafeMessages;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partners publish courier events here, one JSON object or an array of them: at most
 * {@link InputLimits#EVENTS_PER_REQUEST} per request, in a body of at most {@link InputLimits#JSON_BODY_BYTES}.
 */
@RestController
class PartnerEventsController {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsController.class);
    private final PartnerEventsService service;

    PartnerEventsController(PartnerEventsService service) {
        this.service = service;
    }

    @Operation(summary = "Publish partner events; answers per event whether it was accepted or why it was rejected")
    @PostMapping(path = "/events", consumes = "application/json")
    ResponseEntity<?> publish(@RequestBody List<PartnerEvent> events,
            @RequestParam(required = false) String partner,
            @RequestHeader(name = "X-Client-Id", required = false) String clientId) {
        if (events.isEmpty() || events.size() > InputLimits.EVENTS_PER_REQUEST) {
            return ResponseEntity.badRequest().body(ErrorBody.of("invalid_batch", "send 1 to " + InputLimits.EVENTS_PER_REQUEST
                    + " events per request; got " + events.size()));
        }
        String caller = clientId == null || clientId.isBlank() ? "anonymous" : clientId.strip();
        return ResponseEntity.ok(service.publish(events, partner, caller));
    }

    /** Kafka down or unreachable: the request's transaction was aborted (or never began), so none of it applies. */
    @ExceptionHandler({KafkaException.class, org.springframework.kafka.KafkaException.class})
    ResponseEntity<ErrorBody> unpublished(RuntimeException e) {
        String cause = SafeMessages.rootCause(e);
        log.warn("partner events could not be published; none of them was applied: {}", cause);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ErrorBody.of("publish_failed",
                "the events could not be published and none of them was applied; send them again (" + cause + ")"));
    }
}
