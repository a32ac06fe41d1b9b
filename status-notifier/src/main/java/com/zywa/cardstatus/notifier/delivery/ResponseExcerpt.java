package com.zywa.cardstatus.notifier.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The start of a receiver's answer, kept with the attempt so ops can see why it failed: at most {@value #MAX_BYTES}
 * bytes are read (never the whole answer), decoded as UTF-8, control characters escaped so that it shows as one
 * harmless line wherever it is displayed.
 */
final class ResponseExcerpt {

    static final int MAX_BYTES = 1024;

    private ResponseExcerpt() {}

    static @Nullable String read(@Nullable InputStream body) throws IOException {
        if (body == null) {
            return null;
        }
        byte[] bytes = body.readNBytes(MAX_BYTES);
        return bytes.length == 0 ? null : escape(decode(bytes));
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
