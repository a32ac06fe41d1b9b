package com.zywa.cardstatus.api.queue;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work-queue search (contract §13): {@code GET /api/v1/cards} answers a page of cards matching the filters, in
 * order of last change, oldest first, with the cursor of the next page (role {@code reader}); {@code
 * GET /api/v1/cards.csv} streams the whole selection as CSV, page by page (role {@code ops}, at most
 * {@value #MAX_CSV_ROWS} rows). Phones are masked in both.
 */
@RestController
class CardSearchController {

    /** The most rows one CSV export holds; narrow the filters (e.g. {@code updated_since}) for more. */
    static final int MAX_CSV_ROWS = 100_000;

    private final CardSearchRepository cards;
    private final Duration cursorTtl;
    private final Clock clock;
    private final PhoneVault vault;

    @Autowired
    CardSearchController(CardSearchRepository cards, QueueSettings settings, @Lazy PhoneVault vault) {
        this(cards, settings.cursorTtl(), Clock.systemUTC(), vault);
    }

    CardSearchController(CardSearchRepository cards, Duration cursorTtl, Clock clock, PhoneVault vault) {
        this.cards = cards;
        this.cursorTtl = cursorTtl;
        this.clock = clock;
        this.vault = vault;
    }

    @Operation(
            summary = "Cards by status, partner, reason, action, responsible party, stall and time of last change,"
                    + " oldest change first, a page at a time")
    @GetMapping(path = "/api/v1/cards", params = "!phone", produces = MediaType.APPLICATION_JSON_VALUE)
    CardPage search(
            @Parameter(description = "status(es), e.g. DELIVERY_EXCEPTION") @RequestParam(required = false) @Nullable
                    List<String> status,
            @Parameter(description = "partner name(s)") @RequestParam(required = false) @Nullable List<String> partner,
            @Parameter(description = "reason(s) of the current event") @RequestParam(required = false) @Nullable
                    List<String> reason,
            @Parameter(description = "action(s) required, e.g. CONTACT_CARDHOLDER")
                    @RequestParam(name = "action_required", required = false)
                    @Nullable
                    List<String> actionRequired,
            @Parameter(description = "responsible part(y/ies)") @RequestParam(required = false) @Nullable
                    List<String> responsible,
            @Parameter(description = "true: stalled cards only; false: cards not stalled")
                    @RequestParam(required = false)
                    @Nullable
                    String stalled,
            @Parameter(description = "changed at or after this instant")
                    @RequestParam(name = "updated_since", required = false)
                    @Nullable
                    String updatedSince,
            @Parameter(description = "changed before this instant")
                    @RequestParam(name = "updated_before", required = false)
                    @Nullable
                    String updatedBefore,
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @Parameter(description = "cards per page, 1-" + CardQuery.MAX_LIMIT) @RequestParam(defaultValue = "100")
                    int limit) {
        CardQuery query = QueryParams.read(
                status,
                partner,
                reason,
                actionRequired,
                responsible,
                stalled,
                updatedSince,
                updatedBefore,
                cursor,
                limit);
        QueueCursor after = query.cursor();
        if (after != null && after.openedAt().plus(cursorTtl).isBefore(clock.instant())) {
            throw new CursorExpiredException("the first page of this list was read more than " + cursorTtl
                    + " ago; start again (cardstatus.api.queue.cursor-ttl)");
        }
        CardSearchRepository.Found found = cards.page(query);
        return new CardPage(
                masked(found.cards()),
                found.next() == null ? null : found.next().encode());
    }

    @Operation(summary = "The same selection as GET /api/v1/cards, every page, as CSV (ops)")
    @GetMapping(path = "/api/v1/cards.csv", produces = "text/csv")
    void csv(
            @RequestParam(required = false) @Nullable List<String> status,
            @RequestParam(required = false) @Nullable List<String> partner,
            @RequestParam(required = false) @Nullable List<String> reason,
            @RequestParam(name = "action_required", required = false) @Nullable List<String> actionRequired,
            @RequestParam(required = false) @Nullable List<String> responsible,
            @RequestParam(required = false) @Nullable String stalled,
            @RequestParam(name = "updated_since", required = false) @Nullable String updatedSince,
            @RequestParam(name = "updated_before", required = false) @Nullable String updatedBefore,
            HttpServletResponse response)
            throws IOException {
        CardQuery query = QueryParams.read(
                status,
                partner,
                reason,
                actionRequired,
                responsible,
                stalled,
                updatedSince,
                updatedBefore,
                null,
                CardQuery.MAX_LIMIT);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"cards.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write(CsvCards.HEADER);
        int written = 0;
        while (written < MAX_CSV_ROWS) {
            CardSearchRepository.Found page = cards.page(query);
            for (QueuedCard card : masked(page.cards())) {
                CsvCards.write(out, card);
            }
            written += page.cards().size();
            QueueCursor next = page.next();
            if (next == null) {
                break;
            }
            query = query.after(next, Math.min(CardQuery.MAX_LIMIT, MAX_CSV_ROWS - written));
        }
        out.flush();
    }

    /**
     * A page's cards with their phones opened, all in one call to the vault, and masked; a phone whose key is erased
     * is answered as none.
     */
    private List<QueuedCard> masked(List<QueuedCard> page) {
        List<String> stored = page.stream()
                .map(QueuedCard::maskedPhone)
                .filter(Objects::nonNull)
                .toList();
        if (stored.isEmpty()) {
            return page;
        }
        Map<String, String> opened = vault.open(stored);
        return page.stream()
                .map(card -> {
                    String phone = card.maskedPhone() == null ? null : opened.get(card.maskedPhone());
                    return card.withMaskedPhone(phone == null ? null : Phone.mask(phone));
                })
                .toList();
    }

    @ExceptionHandler(BadQueryException.class)
    ResponseEntity<ErrorBody> refused(BadQueryException e) {
        return ErrorAnswers.answer(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(CursorExpiredException.class)
    ResponseEntity<ErrorBody> expired(CursorExpiredException e) {
        return ErrorAnswers.answer(HttpStatus.GONE, "cursor_expired", e.getMessage());
    }
}
