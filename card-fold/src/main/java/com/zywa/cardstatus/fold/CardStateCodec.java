package com.zywa.cardstatus.fold;

import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Compact binary form of {@link CardState} for the Streams state store and its changelog topic: event IDs
 * as 16 bytes, instants as seconds and nanos, strings length-prefixed in {@link DataOutputStream#writeUTF} form.
 * Starts with a format byte so the layout can evolve without breaking a stored changelog: format 2 adds to each event
 * of format 1 its reason code, stated reason and source (contract §10); format 3 adds after the events when the card
 * stalled (contract §13). Formats 1 and 2, which stored changelogs still hold, decode with what they lack absent. Every event folded decodes and encodes its card's state once, so ASCII text (nearly all
 * of it) takes a copy-only path.
 */
public final class CardStateCodec {

    private static final byte FORMAT_V1 = 1;
    private static final byte FORMAT_V2 = 2;
    private static final byte FORMAT_V3 = 3;
    private static final EventType[] TYPES = EventType.values();
    private static final Reason[] REASONS = Reason.values();
    /** Texts of an event: phone, comment, partner event ID, then (format 2) code and the source's five texts. */
    private static final int TEXTS = 9;
    /** ID, type, instant, a presence byte per text, the reason, the source's presence and its three numbers'. */
    private static final int FIXED_EVENT_BYTES = 16 + 1 + 8 + 4 + TEXTS + 1 + 1 + 3;
    /** Largest count or text length the format's unsigned 16-bit length fields can hold. */
    static final int MAX_LENGTH = 0xFFFF;

    private CardStateCodec() {}

    /**
     * The state in format 3.
     *
     * @throws CardStateTooLargeException if it holds more than 65,535 events or a text of more than 65,535 bytes,
     *     which the format cannot represent
     */
    public static byte[] encode(CardState state) {
        List<FoldedEvent> events = state.events();
        if (events.size() > MAX_LENGTH) {
            throw new CardStateTooLargeException("card state of " + events.size() + " events cannot be encoded: "
                    + "the format holds at most " + MAX_LENGTH);
        }
        byte[] cardId = text(state.cardId());
        byte[] @Nullable [] texts = new byte[events.size() * TEXTS][];
        Instant stalledSince = state.stalledSince();
        int size = 1 + 2 + cardId.length + 8 + 2 + 1 + (stalledSince == null ? 0 : 12);
        for (int i = 0; i < events.size(); i++) {
            FoldedEvent event = events.get(i);
            EventSource source = event.source();
            String[] values = {
                event.phone(),
                event.comment(),
                event.partnerEventId(),
                event.rawReason(),
                source == null ? null : source.partner(),
                source == null ? null : source.uploadId(),
                source == null ? null : source.file(),
                source == null ? null : source.caller(),
                source == null ? null : source.topic()
            };
            size += FIXED_EVENT_BYTES;
            for (int k = 0; k < TEXTS; k++) {
                texts[TEXTS * i + k] = textOrNull(values[k]);
                size += texts[TEXTS * i + k] == null ? 0 : 2 + texts[TEXTS * i + k].length;
            }
            if (source != null) {
                size += (source.line() == null ? 0 : 4)
                        + (source.partition() == null ? 0 : 4)
                        + (source.offset() == null ? 0 : 8);
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT_V3)
                .putShort((short) cardId.length)
                .put(cardId)
                .putLong(state.version())
                .putShort((short) events.size());
        for (int i = 0; i < events.size(); i++) {
            FoldedEvent event = events.get(i);
            UUID id = UUID.fromString(event.eventId());
            out.putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .put((byte) event.type().ordinal())
                    .putLong(event.occurredAt().getEpochSecond())
                    .putInt(event.occurredAt().getNano());
            for (int k = TEXTS * i; k < TEXTS * i + TEXTS; k++) {
                out.put((byte) (texts[k] == null ? 0 : 1));
                if (texts[k] != null) {
                    out.putShort((short) texts[k].length).put(texts[k]);
                }
            }
            out.put((byte) (event.reason() == null ? 0 : event.reason().ordinal() + 1));
            EventSource source = event.source();
            out.put((byte) (source == null ? 0 : 1));
            Integer line = source == null ? null : source.line();
            Integer partition = source == null ? null : source.partition();
            Long offset = source == null ? null : source.offset();
            out.put((byte) (line == null ? 0 : 1));
            if (line != null) {
                out.putInt(line);
            }
            out.put((byte) (partition == null ? 0 : 1));
            if (partition != null) {
                out.putInt(partition);
            }
            out.put((byte) (offset == null ? 0 : 1));
            if (offset != null) {
                out.putLong(offset);
            }
        }
        out.put((byte) (stalledSince == null ? 0 : 1));
        if (stalledSince != null) {
            out.putLong(stalledSince.getEpochSecond()).putInt(stalledSince.getNano());
        }
        return out.array();
    }

    public static CardState decode(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte format = in.get();
            if (format != FORMAT_V1 && format != FORMAT_V2 && format != FORMAT_V3) {
                throw new IllegalArgumentException("unknown card state format " + format);
            }
            String cardId = readText(in);
            long version = in.getLong();
            int count = Short.toUnsignedInt(in.getShort());
            List<FoldedEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String id = new UUID(in.getLong(), in.getLong()).toString();
                EventType type = TYPES[Byte.toUnsignedInt(in.get())];
                Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
                String phone = readNullable(in);
                String comment = readNullable(in);
                String partnerEventId = readNullable(in);
                events.add(
                        format == FORMAT_V1
                                ? new FoldedEvent(id, type, at, phone, comment, partnerEventId, null, null, null)
                                : formatTwo(in, id, type, at, phone, comment, partnerEventId));
            }
            Instant stalledSince =
                    format == FORMAT_V3 && in.get() != 0 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
            return new CardState(cardId, version, events, stalledSince);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated card state (" + data.length + " bytes)", e);
        }
    }

    /** The rest of an event in format 2: its code, stated reason and source. */
    private static FoldedEvent formatTwo(
            ByteBuffer in,
            String id,
            EventType type,
            Instant at,
            @Nullable String phone,
            @Nullable String comment,
            @Nullable String partnerEventId) {
        String rawReason = readNullable(in);
        String partner = readNullable(in);
        String uploadId = readNullable(in);
        String file = readNullable(in);
        String caller = readNullable(in);
        String topic = readNullable(in);
        int reason = Byte.toUnsignedInt(in.get());
        boolean hasSource = in.get() != 0;
        Integer line = in.get() != 0 ? in.getInt() : null;
        Integer partition = in.get() != 0 ? in.getInt() : null;
        Long offset = in.get() != 0 ? in.getLong() : null;
        EventSource source =
                hasSource ? new EventSource(partner, uploadId, file, line, caller, topic, partition, offset) : null;
        return new FoldedEvent(
                id,
                type,
                at,
                phone,
                comment,
                partnerEventId,
                rawReason,
                reason == 0 ? null : REASONS[reason - 1],
                source);
    }

    private static byte @Nullable [] textOrNull(@Nullable String value) {
        return value == null ? null : text(value);
    }

    /** The bytes {@link DataOutputStream#writeUTF} writes after its length: modified UTF-8, at most 65,535. */
    private static byte[] text(String value) {
        if (value.length() > MAX_LENGTH) {
            throw tooLong(value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 0x7F) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(2 + 3 * value.length());
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeUTF(value);
                } catch (UTFDataFormatException e) {
                    throw tooLong("more than " + MAX_LENGTH + " bytes");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Arrays.copyOfRange(bytes.toByteArray(), 2, bytes.size());
            }
        }
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static CardStateTooLargeException tooLong(String size) {
        return new CardStateTooLargeException("card state text of " + size
                + " cannot be encoded: the format holds at most " + MAX_LENGTH + " bytes per text");
    }

    private static @Nullable String readNullable(ByteBuffer in) {
        return in.get() != 0 ? readText(in) : null;
    }

    private static String readText(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        int start = in.position();
        in.position(start + length);
        byte[] data = in.array();
        for (int i = start; i < start + length; i++) {
            if (data[i] <= 0) {
                try {
                    return new DataInputStream(new ByteArrayInputStream(data, start - 2, length + 2)).readUTF();
                } catch (IOException e) {
                    throw new IllegalArgumentException("card state holds malformed text at byte " + start, e);
                }
            }
        }
        return new String(data, start, length, StandardCharsets.US_ASCII);
    }
}
