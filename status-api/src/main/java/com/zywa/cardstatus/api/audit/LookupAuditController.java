package com.zywa.cardstatus.api.audit;

import com.zywa.cardstatus.api.lookup.ApiSettings;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lookup audit for ops (role {@code ops}, contract §12.1): who looked up which card or phone and when, newest
 * first, filtered by caller, card or phone (any form; it is hashed as the entries were, never stored).
 */
@RestController
class LookupAuditController {

    static final int MAX_LIMIT = 1_000;

    private final LookupAuditRepository entries;
    private final LookupAudit audit;
    private final PhoneNormalizer phones;

    LookupAuditController(LookupAuditRepository entries, LookupAudit audit, ApiSettings region) {
        this.entries = entries;
        this.audit = audit;
        this.phones = new PhoneNormalizer(region.phoneRegion());
    }

    @Operation(summary = "Who looked up which card or phone, and when (newest first)")
    @GetMapping(path = "/api/v1/lookup-audit", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> entries(
            @Parameter(description = "the caller's name (an API key's name, or jwt:<sub>)")
                    @RequestParam(required = false)
                    @Nullable
                    String caller,
            @Parameter(description = "card ID") @RequestParam(name = "card_id", required = false) @Nullable
                    String cardId,
            @Parameter(description = "a phone in any form; matched by its keyed hash")
                    @RequestParam(required = false)
                    @Nullable
                    String phone,
            @Parameter(description = "entries at or after this instant (ISO-8601)")
                    @RequestParam(required = false)
                    @Nullable
                    String since,
            @Parameter(description = "at most this many (1-" + MAX_LIMIT + ")") @RequestParam(defaultValue = "100")
                    int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be 1 to " + MAX_LIMIT + "; got " + limit);
        }
        String hash = null;
        if (phone != null && !phone.isBlank()) {
            if (!(phones.normalize(phone) instanceof Phone.Valid valid)) {
                return ErrorAnswers.answer(HttpStatus.BAD_REQUEST, "invalid_phone", "phone is not a valid number");
            }
            hash = audit.hashOf(valid.e164());
        }
        Instant from;
        try {
            from = since == null || since.isBlank() ? null : Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST,
                    "invalid_filter",
                    "since must be an ISO-8601 instant, e.g. 2026-12-07T12:00:00Z");
        }
        List<AuditEntry> found = entries.find(blankToNull(caller), blankToNull(cardId), hash, from, limit);
        return ResponseEntity.ok(Map.of("entries", found));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
