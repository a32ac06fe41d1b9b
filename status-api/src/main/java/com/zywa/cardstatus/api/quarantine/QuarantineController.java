package com.zywa.cardstatus.api.quarantine;

import com.zywa.cardstatus.support.errors.ErrorAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists for ops (role {@code ops}) the events of other partners for owned cards that the fold quarantined (contract
 * §11.1). Read here, from the projection like the work queue; the decisions (accept, discard, assign an owner) are
 * ingest's, which has the Kafka producer that sends them to the fold (docs/api.md).
 */
@RestController
class QuarantineController {

    static final int MAX_LIMIT = 1_000;

    private final QuarantineRepository quarantine;

    QuarantineController(QuarantineRepository quarantine) {
        this.quarantine = quarantine;
    }

    @Operation(summary = "Other partners' events for owned cards, waiting for ops to accept or discard them")
    @GetMapping(path = "/api/v1/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(
            @Parameter(description = "at most this many (1-" + MAX_LIMIT + ")") @RequestParam(defaultValue = "100")
                    int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be 1 to " + MAX_LIMIT + "; got " + limit);
        }
        return ResponseEntity.ok(quarantine.oldestFirst(limit));
    }
}
