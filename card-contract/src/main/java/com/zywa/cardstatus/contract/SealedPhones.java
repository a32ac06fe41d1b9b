package com.zywa.cardstatus.contract;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The form a phone (or a rejected record's raw text) takes wherever the service keeps it (contract §12): sealed under
 * the data key of that phone, which erasure deletes. A sealed phone reads {@code pd1.<key ID>.<ciphertext>}, a sealed
 * text {@code pdt1.<key ID>.<ciphertext>}: the key's UUID, then the ciphertext in base64url without padding. Neither
 * can be mistaken for a phone (no phone starts with a letter), so a record written before phones were sealed, whose
 * phone is in E.164, still reads, and the services know which of the two they hold.
 */
public final class SealedPhones {

    /** What starts a sealed phone. */
    public static final String PHONE_PREFIX = "pd1.";

    /** What starts a sealed text. */
    public static final String TEXT_PREFIX = "pdt1.";

    private static final Pattern FORM = Pattern.compile(
            "(pd1|pdt1)\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]+)");

    /** Every key ID named in a text (e.g. a card's history), in the order they appear. */
    private static final Pattern KEY_IN_TEXT =
            Pattern.compile("pdt?1\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.");

    private SealedPhones() {}

    /** Whether {@code value} is a sealed phone. */
    public static boolean isSealedPhone(@Nullable String value) {
        return value != null
                && value.startsWith(PHONE_PREFIX)
                && FORM.matcher(value).matches();
    }

    /** Whether {@code value} is a sealed text. */
    public static boolean isSealedText(@Nullable String value) {
        return value != null
                && value.startsWith(TEXT_PREFIX)
                && FORM.matcher(value).matches();
    }

    /** The data key a sealed phone or text was sealed under, or null when {@code value} is neither. */
    public static @Nullable UUID keyId(@Nullable String value) {
        if (value == null || !(value.startsWith(PHONE_PREFIX) || value.startsWith(TEXT_PREFIX))) {
            return null;
        }
        Matcher matcher = FORM.matcher(value);
        return matcher.matches() ? UUID.fromString(matcher.group(2)) : null;
    }

    /** The ciphertext part (base64url) of a sealed phone or text, or null when {@code value} is neither. */
    public static @Nullable String ciphertext(@Nullable String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = FORM.matcher(value);
        return matcher.matches() ? matcher.group(3) : null;
    }

    /** A sealed phone from its parts. */
    public static String phone(UUID keyId, String ciphertext) {
        return PHONE_PREFIX + keyId + "." + ciphertext;
    }

    /** A sealed text from its parts. */
    public static String text(UUID keyId, String ciphertext) {
        return TEXT_PREFIX + keyId + "." + ciphertext;
    }

    /** The IDs of every data key named in {@code text}, e.g. a card's history with its sealed phones. */
    public static java.util.Set<UUID> keyIdsIn(@Nullable String text) {
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = KEY_IN_TEXT.matcher(text);
            while (matcher.find()) {
                ids.add(UUID.fromString(matcher.group(1)));
            }
        }
        return ids;
    }
}
