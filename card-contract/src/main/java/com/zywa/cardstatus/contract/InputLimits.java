package com.zywa.cardstatus.contract;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The limits of contract §7 on everything a caller sends, in one place, and the rules that keep what is stored of a
 * rejected input small and storable: no input can exhaust memory or make a record too large for Kafka.
 */
public final class InputLimits {

    /** Longest card ID, in characters. */
    public static final int CARD_ID_CHARS = 64;
    /** What a card ID is made of (its length checked apart, against {@link #CARD_ID_CHARS}), as messages say it. */
    public static final String CARD_ID_RULE = "1-" + CARD_ID_CHARS + " letters, digits, '-' or '_'";
    /** Longest partner event ID, in characters. */
    public static final int PARTNER_EVENT_ID_CHARS = 128;
    /** Longest reason code of a partner (contract §10), in characters. */
    public static final int RAW_REASON_CHARS = 128;
    /** Longest comment, in characters; longer ones are refused rather than silently cut. */
    public static final int COMMENT_CHARS = 1_000;
    /** Longest phone field, in characters; no phone number, however written, comes near it. */
    public static final int PHONE_CHARS = 64;
    /**
     * Longest sealed phone ({@link SealedPhones}) an event may carry, in characters: the phone's key ID and its
     * ciphertext, some 90 characters for the longest E.164 number.
     */
    public static final int SEALED_PHONE_CHARS = 128;
    /** Longest physical line of a CSV file, and longest record (a quoted field may span lines), in characters. */
    public static final int CSV_LINE_CHARS = 64 * 1024;
    /** Most UTF-8 bytes of a rejected input's raw text that are kept. */
    public static final int RAW_BYTES = 4 * 1024;
    /**
     * Most UTF-8 bytes of a raw text that is sealed under its phone's key (contract §12): sealed (its key ID, its
     * ciphertext in base64) it stays within {@link #RAW_BYTES}, so it is never cut (cut, it could not be opened).
     */
    public static final int SEALABLE_RAW_BYTES = 3_000;
    /** Longest reason given for a rejection, in characters. */
    public static final int REASON_CHARS = 1_000;
    /** Largest JSON request body, in bytes. */
    public static final int JSON_BODY_BYTES = 1024 * 1024;
    /** Most events in one request. */
    public static final int EVENTS_PER_REQUEST = 1_000;

    private static final String CUT = "…[cut]";
    private static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private InputLimits() {}

    /**
     * The raw text of a rejected input as it is kept: NUL (which PostgreSQL text cannot hold) written as
     * {@code \u0000}, then cut at a character boundary to {@link #RAW_BYTES} UTF-8 bytes, ending in a marker when cut.
     */
    public static @Nullable String raw(@Nullable String text) {
        return raw(text, RAW_BYTES);
    }

    /** A raw text as {@link #raw(String)} keeps it, cut to at most {@code bytes} UTF-8 bytes. */
    public static @Nullable String raw(@Nullable String text, int bytes) {
        return text == null ? null : cut(withoutNul(text), bytes, true);
    }

    /** A rejection's reason as it is kept: NUL escaped, at most {@link #REASON_CHARS} characters. */
    public static @Nullable String reason(@Nullable String text) {
        return text == null ? null : cut(withoutNul(text), REASON_CHARS, false);
    }

    /** Whether {@code c} is a control character no field may hold: C0 except tab, CR and LF; DEL; C1. */
    public static boolean forbiddenControl(int c) {
        return c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c >= 0x7F && c <= 0x9F;
    }

    /** The first forbidden control character of {@code text}, or -1 when it has none. */
    public static int firstForbiddenControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbiddenControl(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return -1;
    }

    /** Whether {@code cardId} (already stripped) is a well-formed card ID: {@link #CARD_ID_RULE}. */
    public static boolean validCardId(String cardId) {
        return cardId.length() <= CARD_ID_CHARS && CARD_ID.matcher(cardId).matches();
    }

    /** Why field {@code name} may not hold {@code value}: a control character, shown escaped; null when it has none. */
    public static @Nullable String controlCharacterIn(String name, @Nullable String value) {
        int control = value == null ? -1 : firstForbiddenControl(value);
        return control < 0
                ? null
                : name + " holds the control character " + escaped(control) + "; no field may hold control characters";
    }

    /** Why field {@code name} may not hold {@code value}: longer than {@code limit} characters; null when it fits. */
    public static @Nullable String tooLong(String name, @Nullable String value, int limit) {
        int length = value == null ? 0 : value.strip().length();
        return length <= limit ? null : name + " is " + length + " characters long; at most " + limit + " are accepted";
    }

    /**
     * Why {@code event} breaks a field limit, whatever path brought it to the event topics; null when it keeps them
     * all. Names the field, never echoes its value (it may be a phone).
     */
    public static @Nullable String problem(CardEvent event) {
        String[] names = {"card ID", "phone", "comment", "partner event ID", "reason code"};
        String[] values = {event.cardId(), event.phone(), event.comment(), event.partnerEventId(), event.rawReason()};
        int phoneChars = SealedPhones.isSealedPhone(event.phone()) ? SEALED_PHONE_CHARS : PHONE_CHARS;
        int[] limits = {CARD_ID_CHARS, phoneChars, COMMENT_CHARS, PARTNER_EVENT_ID_CHARS, RAW_REASON_CHARS};
        for (int i = 0; i < names.length; i++) {
            String problem = controlCharacterIn(names[i], values[i]);
            if (problem == null) {
                problem = tooLong(names[i], values[i], limits[i]);
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** A character as messages show it, such as {@code \u0000}. */
    public static String escaped(int c) {
        return String.format("\\u%04x", c);
    }

    private static String withoutNul(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", escaped(0));
    }

    /** {@code text} when it fits {@code limit} (UTF-8 bytes or characters), else its longest fitting start + marker. */
    private static String cut(String text, int limit, boolean bytes) {
        if (size(text, text.length(), bytes) <= limit) {
            return text;
        }
        int budget = limit - size(CUT, CUT.length(), bytes);
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            int width = bytes ? utf8Bytes(c) : Character.charCount(c);
            if (used + width > budget) {
                break;
            }
            used += width;
            end += Character.charCount(c);
        }
        return text.substring(0, end) + CUT;
    }

    private static int size(String text, int chars, boolean bytes) {
        if (!bytes) {
            return chars;
        }
        int total = 0;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            total += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return total;
    }

    private static int utf8Bytes(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
