package com.zywa.cardstatus.ingest.publish;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Seals the phones of what ingest is about to publish or keep (contract §12): an accepted event's phone, and the raw
 * text of a rejected record under the key of the phone it holds: its phone field when that reads as a phone, else
 * the first run of digits in the text (a {@code +} or {@code 00} prefix included) that reads as a valid phone of the
 * partner's region; the text is cut to {@link InputLimits#SEALABLE_RAW_BYTES} first. A raw text without an
 * identifiable phone stays as it is; a reason that echoes a phone of the raw text (a card ID field holding one) has it
 * masked. One call to the {@link PhoneVault} per batch of records: a file's rows are sealed a batch at a time. A vault
 * that fails (its database away) throws, so the batch is never published with a clear phone: the path fails or
 * retries as it does for its other failures.
 */
@Component
public class PhoneSealing {

    /** A run of digits standing on its own (not part of a card ID or a longer word), with an optional {@code +}. */
    private static final Pattern DIGITS = Pattern.compile("(?<![\\p{L}\\p{N}+])\\+?[0-9]+(?![\\p{L}\\p{N}])");

    /** The shortest run of digits taken for a phone a reason may echo (no phone of any region is shorter). */
    private static final int ECHOED_PHONE_DIGITS = 8;

    private final PhoneVault vault;

    /** The vault is made with this: ingest does not start without the keys (as the other services). */
    PhoneSealing(PhoneVault vault) {
        this.vault = vault;
    }

    /** The outcomes of one partner's records, their phones read in that partner's region ({@code phones}). */
    public List<RowOutcome> seal(List<RowOutcome> outcomes, PhoneNormalizer phones) {
        return seal(outcomes, i -> phones);
    }

    /**
     * The outcomes with every phone sealed, in the same order; {@code phonesOf} gives the phone region of the outcome
     * at an index (records of several partners).
     */
    public List<RowOutcome> seal(List<RowOutcome> outcomes, IntFunction<PhoneNormalizer> phonesOf) {
        List<RowOutcome> read = new ArrayList<>(outcomes);
        Set<String> phones = new HashSet<>();
        List<PhoneVault.PhoneText> texts = new ArrayList<>();
        List<@Nullable String> textPhones = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            String textPhone = null;
            if (read.get(i) instanceof RowOutcome.Accepted accepted
                    && accepted.event().phone() != null) {
                phones.add(accepted.event().phone());
            } else if (read.get(i) instanceof RowOutcome.Rejected rejected && rejected.raw() != null) {
                PhoneNormalizer region = phonesOf.apply(i);
                String reason = masked(rejected.reason(), rejected.raw(), region);
                if (!reason.equals(rejected.reason())) {
                    read.set(i, new RowOutcome.Rejected(rejected.line(), reason, rejected.raw(), rejected.phone()));
                }
                textPhone = phoneOf(rejected, region);
                if (textPhone != null) {
                    // cut so that, sealed, it keeps to the raw text's limit (a sealed text cut could not be opened)
                    texts.add(new PhoneVault.PhoneText(
                            textPhone, InputLimits.raw(rejected.raw(), InputLimits.SEALABLE_RAW_BYTES)));
                }
            }
            textPhones.add(textPhone);
        }
        if (phones.isEmpty() && texts.isEmpty()) {
            return read;
        }
        PhoneVault.Sealed sealed = vault.seal(phones, texts);
        int text = 0;
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i) instanceof RowOutcome.Accepted accepted
                    && accepted.event().phone() != null) {
                CardEvent event = accepted.event();
                read.set(
                        i,
                        new RowOutcome.Accepted(
                                accepted.line(),
                                withPhone(event, sealed.phones().get(event.phone())),
                                accepted.warnings()));
            } else if (read.get(i) instanceof RowOutcome.Rejected rejected && textPhones.get(i) != null) {
                read.set(i, rejected.withRaw(sealed.texts().get(text++)));
            }
        }
        return read;
    }

    /** The phone (E.164) whose key a rejected record's raw text is sealed under, or null when it holds none. */
    static @Nullable String phoneOf(RowOutcome.Rejected rejected, PhoneNormalizer phones) {
        if (rejected.phone() != null) {
            return rejected.phone();
        }
        Matcher digits = DIGITS.matcher(rejected.raw());
        while (digits.find()) {
            String run = digits.group();
            if (run.length() <= InputLimits.PHONE_CHARS) {
                String e164 = phones.normalize(run).e164OrNull();
                if (e164 != null) {
                    return e164;
                }
            }
        }
        return null;
    }

    /**
     * The reason with every phone written in the raw text masked where the reason echoes it (a card ID field holding
     * a phone is shown in its reason): only runs of at least {@value #ECHOED_PHONE_DIGITS} characters, so that line
     * numbers and counts stay as they are.
     */
    static String masked(String reason, String raw, PhoneNormalizer phones) {
        String masked = reason;
        Matcher digits = DIGITS.matcher(raw);
        while (digits.find()) {
            String run = digits.group();
            if (run.length() >= ECHOED_PHONE_DIGITS
                    && run.length() <= InputLimits.PHONE_CHARS
                    && masked.contains(run)
                    && phones.normalize(run).e164OrNull() != null) {
                masked = masked.replace(run, Phone.mask(run));
            }
        }
        return masked;
    }

    private static CardEvent withPhone(CardEvent event, String phone) {
        return new CardEvent(
                event.eventId(),
                event.type(),
                event.cardId(),
                phone,
                event.occurredAt(),
                event.comment(),
                event.rawReason(),
                event.reason(),
                event.partnerEventId(),
                event.source());
    }
}
