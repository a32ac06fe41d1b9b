package com.zywa.cardstatus.api.lookup;

import com.zywa.cardstatus.api.audit.LookupAudit;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Finds a card by ID, by phone (any form ingest accepts, normalised the same way) or by both, and shapes the
 * answer. When a phone has several cards, the one whose status changed last answers and the others are listed. Each
 * lookup first takes one from its caller's rate ({@link LookupRates}), and is audited before it is answered
 * ({@link LookupAudit}): by phone always, by card ID when the answer holds a phone. Phones are stored sealed
 * (contract §12): a phone finds its cards through its data key, and every answered phone is opened; a card whose
 * phone's key was erased answers with no phone.
 */
@Service
class CardLookup {

    private final CardRepository cards;
    private final PhoneNormalizer phones;
    private final LookupRates rates;
    private final LookupAudit audit;
    private final PhoneVault vault;

    CardLookup(
            CardRepository cards, ApiSettings settings, LookupRates rates, LookupAudit audit, @Lazy PhoneVault vault) {
        this.cards = cards;
        this.phones = new PhoneNormalizer(settings.phoneRegion());
        this.rates = rates;
        this.audit = audit;
        this.vault = vault;
    }

    CardStatusResponse find(String cardId, String phone, String caller) {
        boolean byCard = cardId != null && !cardId.isBlank();
        boolean byPhone = phone != null && !phone.isBlank();
        if (!byCard && !byPhone) {
            throw LookupException.badRequest("missing_parameter", "give card_id, user_phone or both");
        }
        rates.take(caller);
        if (!byPhone) {
            CardStatusResponse card = byCardId(cardId);
            audit.lookedUpCard(caller, card.cardId(), card.userPhone());
            return card;
        }
        String e164 = normalise(phone);
        if (!byCard) {
            return byPhone(e164, caller);
        }
        CardStatusResponse card = byCardId(cardId);
        if (!e164.equals(card.userPhone())) {
            audit.lookedUpPhone(caller, e164, List.of());
            throw LookupException.notFound("card " + card.cardId() + " is not registered to phone " + Phone.mask(e164));
        }
        List<String> others = cardsOf(e164).stream()
                .map(CardRow::cardId)
                .filter(id -> !id.equals(card.cardId()))
                .toList();
        audit.lookedUpPhone(caller, e164, List.of(card.cardId()));
        return card.withOtherCards(others);
    }

    /** Every card of a phone, the one whose status changed last first. */
    List<CardStatusResponse> allByPhone(String phone, String caller) {
        rates.take(caller);
        String e164 = normalise(phone);
        List<CardStatusResponse> found = cardsOf(e164).stream()
                .map(row -> CardStatusResponse.of(row, List.of()))
                .toList();
        audit.lookedUpPhone(
                caller, e164, found.stream().map(CardStatusResponse::cardId).toList());
        return found;
    }

    private CardStatusResponse byCardId(String cardId) {
        String id = cardId.strip();
        if (!InputLimits.validCardId(id)) {
            throw LookupException.badRequest(
                    "invalid_card_id", "card_id '" + id + "' must be " + InputLimits.CARD_ID_RULE);
        }
        return cards.findByCardId(id)
                .map(row -> row.phone() == null ? row : row.withPhone(vault.openWithKey(row.phone(), row.key())))
                .map(row -> CardStatusResponse.of(row, List.of()))
                .orElseThrow(() -> LookupException.notFound("no card with ID " + id));
    }

    private CardStatusResponse byPhone(String e164, String caller) {
        List<CardRow> rows = cardsOf(e164);
        audit.lookedUpPhone(
                caller, e164, rows.isEmpty() ? List.of() : List.of(rows.get(0).cardId()));
        if (rows.isEmpty()) {
            throw LookupException.notFound("no card for phone " + Phone.mask(e164));
        }
        return CardStatusResponse.of(
                rows.get(0),
                rows.subList(1, rows.size()).stream().map(CardRow::cardId).toList());
    }

    /**
     * The cards of a phone, newest status first, their phone opened: found by the phone's keyed hash through its data
     * key, in one query, so a phone never seen or erased has none.
     */
    private List<CardRow> cardsOf(String e164) {
        return cards.findByPhoneHash(vault.hash(e164)).stream()
                .map(row -> row.withPhone(vault.openWithKey(row.phone(), row.key())))
                .toList();
    }

    private String normalise(String phone) {
        Phone parsed = phones.normalize(phone);
        if (parsed instanceof Phone.Valid valid) {
            return valid.e164();
        }
        if (parsed instanceof Phone.Mangled mangled) {
            throw LookupException.badRequest(
                    "invalid_phone",
                    "user_phone '" + mangled.raw() + "' is in scientific notation; send the digits, e.g. 585949014");
        }
        if (parsed instanceof Phone.Invalid invalid) {
            throw LookupException.badRequest("invalid_phone", "user_" + invalid.reason());
        }
        throw LookupException.badRequest("invalid_phone", "user_phone has no digits");
    }
}
