package com.zywa.cardstatus.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * What the hand-written codecs of {@link CardEventCodec} and {@link CardStatusCodec} share: the token stream factory
 * of the {@link Json} dialect, and readers that take a value only in the form the pipeline itself writes and give up
 * ({@link NotOurForm}) on anything else, so the caller can hand that input to databind, which accepts and refuses
 * exactly what it did before the codecs.
 */
final class StreamingJson {

    static final TokenStreamFactory FACTORY = Json.MAPPER.tokenStreamFactory();
    private static final Map<String, Reason> REASONS = byName(Reason.values());
    private static final Map<String, Responsible> RESPONSIBLES = byName(Responsible.values());
    private static final Map<String, ActionRequired> ACTIONS = byName(ActionRequired.values());

    private StreamingJson() {}

    /** Input the codec does not read itself: a coercion, a missing or repeated field, malformed JSON. */
    static final class NotOurForm extends RuntimeException {

        static final NotOurForm INSTANCE = new NotOurForm();

        private NotOurForm() {
            super("not in the pipeline's own JSON form", null, false, false);
        }
    }

    /**
     * The one value in {@code bytes} as {@code reader} reads it, or null if they are not in the form the pipeline's
     * own writer gives (absent fields aside): the caller then hands them to data binding.
     */
    static <T> @Nullable T read(byte[] bytes, Function<JsonParser, T> reader) {
        try (JsonParser in = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            T value = reader.apply(in);
            end(in);
            return value;
        } catch (RuntimeException notOurs) {
            return null;
        }
    }

    /** Writes {@code value} with {@code writer} into a fresh byte array. */
    static <T> byte[] write(T value, BiConsumer<JsonGenerator, T> writer) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(512);
        try (JsonGenerator out = FACTORY.createGenerator(ObjectWriteContext.empty(), bytes)) {
            writer.accept(out, value);
        }
        return bytes.toByteArray();
    }

    /**
     * The next property name of the current object, or null at its end; {@code expected} is the name the pipeline
     * writes there, matched on the raw bytes without a symbol table look-up.
     */
    static @Nullable String nextName(JsonParser in, SerializableString expected) {
        if (in.nextName(expected)) {
            return expected.getValue();
        }
        JsonToken token = in.currentToken();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        if (token != JsonToken.PROPERTY_NAME) {
            throw NotOurForm.INSTANCE;
        }
        return in.currentName();
    }

    /** The name expected as the {@code index}th of an object whose names are written in {@code order}. */
    static SerializableString expected(SerializableString[] order, int index) {
        return order[Math.min(index, order.length - 1)];
    }

    /** An unknown field is ignored, whatever its value, as databind ignores it. */
    static void skip(JsonParser in) {
        in.nextToken();
        in.skipChildren();
    }

    /** Marks field {@code bit} as read; a field read twice is left to databind (which keeps the last). */
    static int seen(int fields, int bit) {
        if ((fields & bit) != 0) {
            throw NotOurForm.INSTANCE;
        }
        return fields | bit;
    }

    static void expect(@Nullable JsonToken token, @Nullable JsonToken expected) {
        if (token != expected) {
            throw NotOurForm.INSTANCE;
        }
    }

    static @Nullable String text(JsonParser in) {
        JsonToken token = in.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return in.getString();
        }
        expect(token, JsonToken.VALUE_NULL);
        return null;
    }

    static @Nullable EventType type(JsonParser in) {
        String name = text(in);
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "PICKED_UP" -> EventType.PICKED_UP;
            case "DELIVERY_EXCEPTION" -> EventType.DELIVERY_EXCEPTION;
            case "DELIVERED" -> EventType.DELIVERED;
            case "RETURNED" -> EventType.RETURNED;
            default -> throw NotOurForm.INSTANCE;
        };
    }

    static @Nullable Reason reason(JsonParser in) {
        return named(in, REASONS);
    }

    static @Nullable Responsible responsible(JsonParser in) {
        return named(in, RESPONSIBLES);
    }

    static @Nullable ActionRequired action(JsonParser in) {
        return named(in, ACTIONS);
    }

    /** An enum constant by its exact name; any other text is left to databind (see {@link Json}'s enum rules). */
    private static <E extends Enum<E>> @Nullable E named(JsonParser in, Map<String, E> byName) {
        String name = text(in);
        if (name == null) {
            return null;
        }
        E value = byName.get(name);
        if (value == null) {
            throw NotOurForm.INSTANCE;
        }
        return value;
    }

    private static <E extends Enum<E>> Map<String, E> byName(E[] values) {
        return Arrays.stream(values).collect(Collectors.toUnmodifiableMap(Enum::name, value -> value));
    }

    static @Nullable Instant instant(JsonParser in) {
        String text = text(in);
        if (text == null) {
            return null;
        }
        try {
            return InstantJson.parse(text.strip());
        } catch (DateTimeException e) {
            throw NotOurForm.INSTANCE;
        }
    }

    static @Nullable Long longObject(JsonParser in) {
        JsonToken token = in.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = in.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw NotOurForm.INSTANCE;
        }
        return in.getLongValue();
    }

    static @Nullable Integer integer(JsonParser in) {
        JsonToken token = in.nextToken();
        return token == JsonToken.VALUE_NULL ? null : intValue(in, token);
    }

    /** A primitive int: null or a missing field is left to databind, which refuses both. */
    static int intValue(JsonParser in) {
        return intValue(in, in.nextToken());
    }

    private static int intValue(JsonParser in, JsonToken token) {
        if (token != JsonToken.VALUE_NUMBER_INT || in.getNumberType() != JsonParser.NumberType.INT) {
            throw NotOurForm.INSTANCE;
        }
        return in.getIntValue();
    }

    static long longValue(JsonParser in) {
        expect(in.nextToken(), JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = in.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw NotOurForm.INSTANCE;
        }
        return in.getLongValue();
    }

    /** The document must end after its one value, as databind requires. */
    private static void end(JsonParser in) {
        expect(in.nextToken(), null);
    }

    /** A property name encoded once, as databind keeps its own: the generator copies it instead of encoding it. */
    static SerializableString name(String name) {
        return new SerializedString(name);
    }

    static void writeText(JsonGenerator out, SerializableString name, @Nullable String value) {
        out.writeName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }

    static void writeType(JsonGenerator out, SerializableString name, @Nullable EventType type) {
        writeEnum(out, name, type);
    }

    static void writeEnum(JsonGenerator out, SerializableString name, @Nullable Enum<?> value) {
        writeText(out, name, value == null ? null : value.name());
    }

    static void writeInteger(JsonGenerator out, SerializableString name, @Nullable Integer value) {
        out.writeName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeNumber(value.intValue());
        }
    }

    static void writeInstant(JsonGenerator out, SerializableString name, @Nullable Instant instant) {
        writeText(out, name, instant == null ? null : InstantJson.format(instant));
    }
}
