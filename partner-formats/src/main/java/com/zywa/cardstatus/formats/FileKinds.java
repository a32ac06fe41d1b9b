package com.zywa.cardstatus.formats;

import com.zywa.cardstatus.contract.EventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides which event type a file holds: from an explicit kind when the uploader gives one, else from words
 * in the file name ({@code pickup}, {@code exception}, {@code delivered}, {@code returned}).
 */
public final class FileKinds {

    private static final Map<String, EventType> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("pickup", EventType.PICKED_UP);
        WORDS.put("picked", EventType.PICKED_UP);
        WORDS.put("exception", EventType.DELIVERY_EXCEPTION);
        WORDS.put("delivered", EventType.DELIVERED);
        WORDS.put("returned", EventType.RETURNED);
    }

    private FileKinds() {}

    /** The kind of {@code fileName}; {@code explicitKind} wins when not blank. */
    public static EventType resolve(@Nullable String explicitKind, @Nullable String fileName) {
        if (explicitKind != null && !explicitKind.isBlank()) {
            String kind = explicitKind.strip();
            return parse(kind)
                    .orElseThrow(() -> new FileRefusedException(
                            "unknown_kind",
                            "kind '" + kind + "' is not one of pickup, exception, delivered, returned"));
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        List<EventType> matches = WORDS.entrySet().stream()
                .filter(word -> name.contains(word.getKey()))
                .map(Map.Entry::getValue)
                .distinct()
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String problem = matches.isEmpty() ? "does not name a kind" : "names several kinds " + matches;
        throw new FileRefusedException(
                "unknown_kind",
                "file name '" + fileName + "' " + problem
                        + "; pass kind=pickup|exception|delivered|returned or put one of those words in the file name");
    }

    /**
     * The event type {@code kind} names, a word ({@code pickup}) or a type ({@code DELIVERY_EXCEPTION}) in any case,
     * with or without blanks, '_' or '-'; empty when it is null, blank or names none.
     */
    public static Optional<EventType> parse(@Nullable String kind) {
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        String key = kind.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return WORDS.entrySet().stream()
                .filter(word -> key.equals(word.getKey())
                        || key.equals(word.getValue().name().replace("_", "").toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
