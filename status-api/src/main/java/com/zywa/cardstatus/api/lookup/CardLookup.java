package com.zywa.cardstatus.api.lookup;

import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Finds a card by ID, by phone (any form ingest accepts, normalised the same way) or by both, and shapes the
 * answer. When a phone has several cards, the one whose status changed last answers and the others are listed.
 */
@Service
class CardLookup {

    private final CardRepository cards;
    private final PhoneNormalizer phones;

    CardLookup(CardRepository cards, ApiSettings settings) {
        this.cards = cards;
        this.phones = new PhoneNormalizer(settings.phoneRegion());
    }

    CardStatusResponse find(String cardId, String phone) {
        boolean byCard = cardId != null && !cardId.isBlank();
        boolean byPhone = phone != null && !phone.isBlank();
        if (!byCard && !byPhone) {
            throw LookupException.badRequest("missing_parameter", "give card_id, user_phone or both");
        }
        if (!byPhone) {
            return byCardId(cardId);
        }
        String e164 = normalise(phone);
        if (!byCard) {
            return byPhone(e164);
        }
        CardStatusResponse card = byCardId(cardId);
        if (!e164.equals(card.userPhone())) {
            throw LookupException.notFound("card " + card.cardId() + " is not registered to phone " + Phone.mask(e164));
        }
        List<String> others = cards.findByPhone(e164).stream()
                .map(CardRow::cardId)
                .filter(id -> !id.equals(card.cardId()))
                .toList();
        return card.withOtherCards(others);
    }

    /** Every card of a phone, the one whose status changed last first. */
    List<CardStatusResponse> allByPhone(String phone) {
        return cards.findByPhone(normalise(phone)).stream()
                .map(row -> CardStatusResponse.of(row, List.of()))
                .toList();
    }

    private CardStatusResponse byCardId(String cardId) {
        String id = cardId.strip();
        if (!InputLimits.validCardId(id)) {
            throw LookupException.badRequest(
                    "invalid_card_id", "card_id '" + id + "' must be " + InputLimits.CARD_ID_RULE);
        }
        return cards.findByCardId(id)
                .map(row -> CardStatusResponse.of(row, List.of()))
                .orElseThrow(() -> LookupException.notFound("no card with ID " + id));
    }

    private CardStatusResponse byPhone(String e164) {
        List<CardRow> rows = cards.findByPhone(e164);
        if (rows.isEmpty()) {
            throw LookupException.notFound("no card for phone " + Phone.mask(e164));
        }
        return CardStatusResponse.of(
                rows.get(0),
                rows.subList(1, rows.size()).stream().map(CardRow::cardId).toList());
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
