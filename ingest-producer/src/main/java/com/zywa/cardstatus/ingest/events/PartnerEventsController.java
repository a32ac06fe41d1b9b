package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partners publish courier events here, one JSON object or an array of them: at most
 * {@link InputLimits#EVENTS_PER_REQUEST} per request, in a body of at most {@link InputLimits#JSON_BODY_BYTES}.
 * The events are the calling partner's own: {@code ?partner=} may only name it (IngestAccess refuses any other with
 * 403 before the body is read), and the caller's name is recorded as their sender.
 */
@RestController
class PartnerEventsController {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsController.class);
    private final PartnerEventsService service;

    PartnerEventsController(PartnerEventsService service) {
        this.service = service;
    }

    @Operation(summary = "Publish partner events; answers per event whether it was accepted or why it was rejected")
    @Parameter(name = "partner", in = ParameterIn.QUERY, description = "the calling partner (the default); another "
            + "partner is refused with 403")
    @PostMapping(path = "/events", consumes = "application/json")
    ResponseEntity<?> publish(@RequestBody List<PartnerEvent> events, @AuthenticationPrincipal Caller caller) {
        if (events.isEmpty() || events.size() > InputLimits.EVENTS_PER_REQUEST) {
            return ResponseEntity.badRequest().body(ErrorBody.of("invalid_batch", "send 1 to " + InputLimits.EVENTS_PER_REQUEST
                    + " events per request; got " + events.size()));
        }
        return ResponseEntity.ok(service.publish(events, caller.partner(), caller.name()));
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
