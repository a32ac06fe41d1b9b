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

    /** The deepest cause of {@code failure}, as its class and {@link #safe} message. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + safe(root.getMessage());
    }
}
