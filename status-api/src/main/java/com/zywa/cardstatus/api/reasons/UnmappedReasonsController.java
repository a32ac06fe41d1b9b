package com.zywa.cardstatus.api.reasons;

import com.zywa.cardstatus.support.errors.ErrorAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists for ops (role {@code ops}) the partners' codes and comments that their reason mappings do not know (contract
 * §10), so the mapping can be extended: how many cards show each as their current reason now (not events over time:
 * the processor's counter {@code cardstatus_unmapped_reasons_total} gives those), and an example card.
 */
@RestController
class UnmappedReasonsController {

    static final int MAX_LIMIT = 1_000;

    private final UnmappedReasonRepository reasons;

    UnmappedReasonsController(UnmappedReasonRepository reasons) {
        this.reasons = reasons;
    }

    @Operation(summary = "The partners' codes and comments no rule of their reason mapping knows, most common first")
    @GetMapping(path = "/api/v1/unmapped-reasons", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> unmapped(
            @Parameter(description = "at most this many (1-" + MAX_LIMIT + ")") @RequestParam(defaultValue = "100")
                    int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be 1 to " + MAX_LIMIT + "; got " + limit);
        }
        List<UnmappedReason> found = reasons.mostCommon(limit);
        return ResponseEntity.ok(found);
    }
}
