package com.zywa.cardstatus.contract;

/**
 * Words a failure for logs, stored errors and answers without the values it was given: drivers and clients echo
 * parameters (a rejected row, a phone) in their messages, always inside quotes, so only the first line is kept,
 * quoted text masked and the length capped.
 */
public final class SafeMessages {

    private static final int MAX_CHARS = 500;

    private SafeMessages() {}

    /** The first line of {@code message}, quoted text masked and length capped. */
    public static String safe(String message) {
        String firstLine =
                String.valueOf(message).lines().findFirst().orElse("").replaceAll("\"[^\"]*\"|'[^']*'", "\"…\"");
        return firstLine.length() <= MAX_CHARS ? firstLine : firstLine.substring(0, MAX_CHARS) + "…";
    }

    /**
     * {@code text} as a log line may show a name someone else chose (a file's): on one line, each control, line or
     * paragraph separator and format character (a bidirectional override) written as {@code \\uXXXX}, length capped;
     * so a name cannot forge a log line or hide what follows it.
     */
    public static String printable(String text) {
        String value = String.valueOf(text);
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_CHARS) + 8);
        for (int i = 0; i < value.length(); i++) {
            if (out.length() >= MAX_CHARS) {
                return out.append('…').toString();
            }
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c)
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The deepest cause of {@code failure}, as its class and {@link #safe} message. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + safe(root.getMessage());
    }
}
