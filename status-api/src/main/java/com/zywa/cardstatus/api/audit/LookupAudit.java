package com.zywa.cardstatus.api.audit;

import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Records lookups (contract §12.1) before their answer leaves: a lookup by phone, one entry per card answered (or one
 * without a card when none was found), and a lookup by card ID whose answer holds a phone. An entry that cannot be
 * written fails the lookup: no phone is answered unaudited. Phones are kept as the vault's keyed hash
 * ({@code cardstatus.personal-data.phone-hash-key}), the one that finds a phone's data key, so an erasure finds the
 * entries of the phones it erases.
 */
@Service
public class LookupAudit {

    /** {@code lookup} of an entry: by phone. */
    public static final String BY_PHONE = "phone";
    /** {@code lookup} of an entry: by card ID, answered with the card's phone. */
    public static final String BY_CARD = "card";

    private final LookupAuditRepository entries;
    private final PhoneVault vault;
    private final Clock clock;

    @Autowired
    LookupAudit(LookupAuditRepository entries, @Lazy PhoneVault vault) {
        this(entries, vault, Clock.systemUTC());
    }

    LookupAudit(LookupAuditRepository entries, PhoneVault vault, Clock clock) {
        this.entries = entries;
        this.vault = vault;
        this.clock = clock;
    }

    /** {@code caller} looked up the phone {@code e164} and was answered {@code cardIds} (maybe none). */
    public void lookedUpPhone(String caller, String e164, List<String> cardIds) {
        String hash = vault.hash(e164);
        if (cardIds.isEmpty()) {
            entries.record(List.of(new AuditEntry(clock.instant(), caller, BY_PHONE, null, hash)));
            return;
        }
        entries.record(cardIds.stream()
                .map(card -> new AuditEntry(clock.instant(), caller, BY_PHONE, card, hash))
                .toList());
    }

    /** {@code caller} looked up {@code cardId} and was answered its phone {@code e164}, if it has one. */
    public void lookedUpCard(String caller, String cardId, @Nullable String e164) {
        if (e164 != null) {
            entries.record(List.of(new AuditEntry(clock.instant(), caller, BY_CARD, cardId, vault.hash(e164))));
        }
    }

    /** The hash the entries of {@code e164} carry, to find them. */
    String hashOf(String e164) {
        return vault.hash(e164);
    }
}
