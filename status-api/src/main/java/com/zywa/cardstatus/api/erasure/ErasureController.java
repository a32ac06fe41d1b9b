package com.zywa.cardstatus.api.erasure;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zywa.cardstatus.api.lookup.ApiSettings;
import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure on request (role {@code ops}, contract §12): {@code POST /api/v1/erasures} with a phone (any form) or a card
 * ID deletes the data keys of that phone, or of the card's phones, and answers 201 with the receipt; the receipts are
 * listed and read back. The phone is hashed to find its key and never kept, nor written to any log.
 */
@RestController
class ErasureController {

    static final String PATH = "/api/v1/erasures";
    static final int MAX_LIMIT = 1_000;

    private final ErasureRepository erasures;
    private final PhoneVault vault;
    private final PhoneNormalizer phones;

    ErasureController(ErasureRepository erasures, @Lazy PhoneVault vault, ApiSettings settings) {
        this.erasures = erasures;
        this.vault = vault;
        this.phones = new PhoneNormalizer(settings.phoneRegion());
    }

    /** The body of an erasure: a phone or a card ID, not both. */
    record ErasureRequest(
            @JsonProperty("phone") @Nullable String phone,
            @JsonProperty("card_id") @Nullable String cardId) {}

    @Operation(
            summary = "Forget a phone, or a card's phones (crypto-shredding: their data keys are deleted)",
            description = "Body {\"phone\": \"<any form>\"} or {\"card_id\": \"…\"}. Answers 201 with the receipt,"
                    + " which holds no phone; a phone the service never kept is answered with keys_erased 0.")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> erase(@RequestBody ErasureRequest request, @AuthenticationPrincipal Caller caller) {
        boolean byPhone = request.phone() != null && !request.phone().isBlank();
        boolean byCard = request.cardId() != null && !request.cardId().isBlank();
        if (byPhone == byCard) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST,
                    byPhone ? "invalid_request" : "missing_parameter",
                    "give either phone or card_id in the body: {\"phone\": \"…\"} or {\"card_id\": \"…\"}");
        }
        ErasureReceipt receipt;
        if (byPhone) {
            if (!(phones.normalize(request.phone()) instanceof Phone.Valid valid)) {
                return ErrorAnswers.answer(HttpStatus.BAD_REQUEST, "invalid_phone", "phone is not a valid number");
            }
            receipt = erasures.erasePhone(caller.name(), vault.hash(valid.e164()));
        } else {
            String cardId = request.cardId().strip();
            if (!InputLimits.validCardId(cardId)) {
                return ErrorAnswers.answer(
                        HttpStatus.BAD_REQUEST, "invalid_card_id", "card_id must be " + InputLimits.CARD_ID_RULE);
            }
            Optional<ErasureReceipt> erased = erasures.eraseCard(caller.name(), cardId);
            if (erased.isEmpty()) {
                return ErrorAnswers.answer(HttpStatus.NOT_FOUND, "not_found", "no card with ID " + cardId);
            }
            receipt = erased.get();
        }
        return ResponseEntity.created(URI.create(PATH + "/" + receipt.id())).body(receipt);
    }

    /** A body that is not the JSON of a request: 400, without echoing it (it may hold a phone). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ErrorAnswers.answer(
                HttpStatus.BAD_REQUEST,
                "invalid_body",
                "the body must be JSON: {\"phone\": \"…\"} or {\"card_id\": \"…\"}");
    }

    @Operation(summary = "One erasure's receipt")
    @GetMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receipt(@PathVariable String id) {
        Optional<ErasureReceipt> found;
        try {
            found = erasures.find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        return found.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ErrorAnswers.answer(HttpStatus.NOT_FOUND, "not_found", "no erasure with that ID"));
    }

    @Operation(summary = "The latest erasures' receipts, newest first")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> latest(
            @Parameter(description = "at most this many (1-" + MAX_LIMIT + ")") @RequestParam(defaultValue = "100")
                    int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be 1 to " + MAX_LIMIT + "; got " + limit);
        }
        return ResponseEntity.ok(Map.of("erasures", erasures.latest(limit)));
    }
}
