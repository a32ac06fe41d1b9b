package com.zywa.cardstatus.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a webhook says, as a SHA-256 that ignores what changes without a real change: the record's {@code version}
 * (it restarts when the fold is rebuilt) and {@code as_of} (when the service last wrote the card), and the order of
 * fields. Two records with the same hash for a subscription are the same news to it, so the second is not sent.
 */
final class ContentHash {

    /** Fields of a status that a rebuild or replay changes while the card did not change. */
    static final Set<String> VOLATILE = Set.of("version", "as_of");

    private ContentHash() {}

    static byte[] of(EventKind kind, JsonNode data) {
        StringBuilder canonical = new StringBuilder(kind.type()).append('\n');
        List<String> names = new ArrayList<>(data.propertyNames());
        names.removeAll(VOLATILE);
        writeObject(canonical, data, names);
        return sha256(canonical.toString());
    }

    private static void write(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            writeObject(out, node, new ArrayList<>(node.propertyNames()));
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, node.get(i));
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }

    private static void writeObject(StringBuilder out, JsonNode node, List<String> names) {
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":");
            write(out, node.get(names.get(i)));
        }
        out.append('}');
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
