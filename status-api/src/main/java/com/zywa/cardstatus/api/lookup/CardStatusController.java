package com.zywa.cardstatus.api.lookup;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import com.zywa.cardstatus.support.limits.RateLimits;
import com.zywa.cardstatus.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status lookups: the original {@code /get_card_status} kept for existing clients, and a resource-style API. Each
 * declares that it answers JSON, so a request does not ask every message converter whether it could write the answer.
 * A lookup that finds no card or is asked wrongly answers its {@link LookupException}; service-support's advice answers
 * every other failure.
 */
@RestController
class CardStatusController {

    private final CardLookup lookup;

    CardStatusController(CardLookup lookup) {
        this.lookup = lookup;
    }

    @Operation(summary = "Current status of a card by card ID and/or phone (the original endpoint)")
    @GetMapping(path = "/get_card_status", produces = MediaType.APPLICATION_JSON_VALUE)
    CardStatusResponse getCardStatus(
            @Parameter(description = "card ID, e.g. ZYW8827") @RequestParam(name = "card_id", required = false)
                    String cardId,
            @Parameter(description = "phone in any form: 585949014, 0585949014, +971585949014, 00971585949014")
                    @RequestParam(name = "user_phone", required = false)
                    String userPhone,
            @AuthenticationPrincipal Caller caller) {
        return lookup.find(cardId, userPhone, caller.name());
    }

    @Operation(summary = "Current status of one card")
    @GetMapping(path = "/api/v1/cards/{cardId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CardStatusResponse card(@PathVariable String cardId, @AuthenticationPrincipal Caller caller) {
        return lookup.find(cardId, null, caller.name());
    }

    @Operation(summary = "Every card registered to a phone, the one whose status changed last first")
    @GetMapping(path = "/api/v1/cards", params = "phone", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CardStatusResponse> cardsByPhone(@RequestParam String phone, @AuthenticationPrincipal Caller caller) {
        return lookup.allByPhone(phone, caller.name());
    }

    @Operation(
            summary = "Every card registered to a phone, the phone in the body",
            description = "As GET /api/v1/cards?phone=, with the phone kept out of the URL and so out of access logs")
    @PostMapping(
            path = "/api/v1/cards/search",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    List<CardStatusResponse> search(@RequestBody PhoneSearch search, @AuthenticationPrincipal Caller caller) {
        if (search.phone() == null || search.phone().isBlank()) {
            throw LookupException.badRequest("missing_parameter", "give phone in the body: {\"phone\": \"…\"}");
        }
        return lookup.allByPhone(search.phone(), caller.name());
    }

    /** The body of a search by phone. */
    record PhoneSearch(@JsonProperty("phone") String phone) {}

    @ExceptionHandler(LookupException.class)
    ResponseEntity<ErrorBody> refused(LookupException e) {
        return ErrorAnswers.answer(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(LookupRates.RateLimitedException.class)
    ResponseEntity<ErrorBody> overRate(LookupRates.RateLimitedException e) {
        return RateLimits.tooManyRequests(e.verdict(), e.getMessage());
    }
}
