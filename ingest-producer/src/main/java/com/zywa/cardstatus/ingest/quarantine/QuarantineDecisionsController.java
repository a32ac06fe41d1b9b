package com.zywa.cardstatus.ingest.quarantine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zywa.cardstatus.contract.CardCommand;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.SafeMessages;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import com.zywa.cardstatus.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops decide what the fold quarantined (contract §11.1; role {@code ops}): accept an event (a hand-over: the card now
 * belongs to the event's partner, and the event is folded), discard it, or assign a card's owner. Each decision is
 * one {@link CardCommand} on {@code card.commands}, keyed by card ID, naming the caller; here, because ingest holds
 * the Kafka producer. The answer is 202: the fold applies the decision in order with the card's events, and a
 * decision naming no quarantined event of the card changes nothing. The list to decide from is status-api's
 * {@code GET /api/v1/quarantine}.
 */
@RestController
class QuarantineDecisionsController {

    private static final Logger log = LoggerFactory.getLogger(QuarantineDecisionsController.class);

    private final EventPublisher publisher;
    private final Partners partners;
    private final Clock clock;

    QuarantineDecisionsController(EventPublisher publisher, Partners partners) {
        this.publisher = publisher;
        this.partners = partners;
        this.clock = Clock.systemUTC();
    }

    /** A decision as sent. */
    record Decision(
            @JsonProperty("action") String action,
            @JsonProperty("card_id") String cardId,
            @JsonProperty("event_id") @Nullable String eventId,
            @JsonProperty("owner") @Nullable String owner) {}

    /** The owner ops assign. */
    record OwnerRequest(@JsonProperty("owner") @Nullable String owner) {}

    @Operation(summary = "Accept a quarantined event: the card is handed over to its partner and the event folded")
    @PostMapping(path = "/api/v1/quarantine/{cardId}/{eventId}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> accept(
            @PathVariable String cardId, @PathVariable String eventId, @AuthenticationPrincipal Caller caller) {
        return decide(CardCommand.Action.ACCEPT, cardId, eventId, null, caller);
    }

    @Operation(summary = "Discard a quarantined event: it is dropped, never folded")
    @PostMapping(path = "/api/v1/quarantine/{cardId}/{eventId}/discard", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> discard(
            @PathVariable String cardId, @PathVariable String eventId, @AuthenticationPrincipal Caller caller) {
        return decide(CardCommand.Action.DISCARD, cardId, eventId, null, caller);
    }

    @Operation(summary = "Assign a card to a configured partner; other partners' events for it are quarantined")
    @PutMapping(path = "/api/v1/cards/{cardId}/owner", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> assign(
            @PathVariable String cardId, @RequestBody OwnerRequest request, @AuthenticationPrincipal Caller caller) {
        String owner = request.owner() == null ? "" : request.owner().strip();
        if (!partners.isConfigured(owner)) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST, "unknown_partner", "owner must name a configured partner");
        }
        return decide(CardCommand.Action.ASSIGN, cardId, null, owner, caller);
    }

    private ResponseEntity<?> decide(
            CardCommand.Action action, String cardId, @Nullable String eventId, @Nullable String owner, Caller caller) {
        if (!InputLimits.validCardId(cardId)) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST, "invalid_card_id", "card ID must be " + InputLimits.CARD_ID_RULE);
        }
        if (eventId != null && !isUuid(eventId)) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST, "invalid_event_id", "event ID must be a UUID as the quarantine lists it");
        }
        CardCommand command = new CardCommand(action, cardId, eventId, owner, caller.name(), Instant.now(clock));
        publisher.inTransaction(batch -> batch.command(command));
        log.info("Card {}: {} sent by {}", cardId, action, caller.name());
        return ResponseEntity.accepted().body(new Decision(action.name(), cardId, eventId, owner));
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Kafka down or unreachable: the decision was not sent. */
    @ExceptionHandler({KafkaException.class, org.springframework.kafka.KafkaException.class})
    ResponseEntity<?> unpublished(RuntimeException e) {
        String cause = SafeMessages.rootCause(e);
        log.warn("an ops decision could not be sent: {}", cause);
        return ErrorAnswers.answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                "publish_failed",
                "the decision could not be sent and was not applied; send it again (" + cause + ")");
    }
}
