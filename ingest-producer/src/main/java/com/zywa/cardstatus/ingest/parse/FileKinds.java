package com.zywa.cardstatus.ingest.parse;

import com.zywa.cardstatus.contract.EventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private FileKinds() {
    }

    /** The kind of {@code fileName}; {@code explicitKind} wins when not blank. */
    public static EventType resolve(String explicitKind, String fileName) {
        if (explicitKind != null && !explicitKind.isBlank()) {
            return fromExplicit(explicitKind.strip());
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        List<EventType> matches = WORDS.entrySet().stream()
                .filter(word -> name.contains(word.getKey()))
                .map(Map.Entry::getValue).distinct().toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String problem = matches.isEmpty() ? "does not name a kind" : "names several kinds " + matches;
        throw new FileRefusedException("unknown_kind", "file name '" + fileName + "' " + problem
                + "; pass kind=pickup|exception|delivered|returned or put one of those words in the file name");
    }

    private static EventType fromExplicit(String kind) {
        String key = kind.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        for (Map.Entry<String, EventType> word : WORDS.entrySet()) {
            if (key.equals(word.getKey()) || key.equals(word.getValue().name().replace("_", "").toLowerCase(Locale.ROOT))) {
                return word.getValue();
            }
        }
        throw new FileRefusedException("unknown_kind", "kind '" + kind
                + "' is not one of pickup, exception, delivered, returned");
    }
}
