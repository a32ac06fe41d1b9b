package com.zywa.cardstatus.contract;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Instants in the pipeline's JSON as RFC 3339 UTC text, exactly as {@link Instant#toString()} writes them
 * ({@code 2023-11-13T09:34:56Z}, fractions in groups of three digits), read and written with the ITU library: every
 * event and status carries several, and java.time's general-purpose formatter was a visible share of the profile.
 */
final class InstantJson {

    /** The range of years ITU formats as {@link Instant#toString()} does: 0000 to 9999. */
    private static final long MIN_FAST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();

    private static final long MAX_FAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private InstantJson() {}

    static SimpleModule module() {
        return new SimpleModule("instants-rfc3339")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** The text {@link Instant#toString()} gives, for years 0000-9999; other years in java.time's own form. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST || seconds > MAX_FAST) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        // not instant.atOffset(UTC), which builds a new ZoneRules for every call
        LocalDateTime utc = LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        return ITU.formatUtc(OffsetDateTime.of(utc, ZoneOffset.UTC), digits);
    }

    /** Reads RFC 3339 text with any offset; anything else ISO-8601 that java.time reads is accepted too. */
    static Instant parse(String text) {
        try {
            return ITU.parseDateTime(text).toInstant();
        } catch (DateTimeException e) {
            return Instant.parse(text);
        }
    }

    private static final class Writer extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator out, SerializationContext context) {
            out.writeString(format(value));
        }
    }

    private static final class Reader extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser in, DeserializationContext context) {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, in);
            }
            String text = in.getString().strip();
            try {
                return parse(text);
            } catch (DateTimeException e) {
                return (Instant) context.handleWeirdStringValue(
                        Instant.class,
                        text,
                        "not an ISO-8601 instant such as 2023-11-13T09:34:56Z (%s)",
                        e.getMessage());
            }
        }
    }
}
