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
 * stalled (contract §13); format 4 adds the card's owner after its version, and after the stall its compacted counts
 * and its quarantined events (contract §11). Formats 1 to 3, which stored changelogs still hold, decode with what they
 * lack absent, owned by the partner of their first kept event. Every event folded decodes and encodes its card's
 * state once, so ASCII text (nearly all of it) takes a copy-only path.
 */
public final class CardStateCodec {

    private static final byte FORMAT_V1 = 1;
    private static final byte FORMAT_V2 = 2;
    private static final byte FORMAT_V3 = 3;
    private static final byte FORMAT_V4 = 4;
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
     * The state in format 4.
     *
     * @throws CardStateTooLargeException if it holds more than 65,535 events or a text of more than 65,535 bytes,
     *     which the format cannot represent
     */
    public static byte[] encode(CardState state) {
        List<FoldedEvent> events = state.events();
        List<FoldedEvent> quarantined = state.quarantined();
        for (List<FoldedEvent> list : List.of(events, quarantined)) {
            if (list.size() > MAX_LENGTH) {
                throw new CardStateTooLargeException("card state of " + list.size() + " events cannot be encoded: "
                        + "the format holds at most " + MAX_LENGTH);
            }
        }
        byte[] cardId = text(state.cardId());
        byte[] owner = textOrNull(state.owner());
        byte[] @Nullable [] texts = texts(events);
        byte[] @Nullable [] quarantinedTexts = texts(quarantined);
        Instant stalledSince = state.stalledSince();
        Compacted compacted = state.compacted();
        byte[] compactedPhone = compacted == null ? null : textOrNull(compacted.phone());
        byte[] compactedPartner = compacted == null ? null : textOrNull(compacted.partner());
        int size = 1
                + 2
                + cardId.length
                + 8
                + 1
                + (owner == null ? 0 : 2 + owner.length)
                + 2
                + size(events, texts)
                + 1
                + (stalledSince == null ? 0 : 12)
                + 1
                + (compacted == null
                        ? 0
                        : 4
                                + 4
                                + 1
                                + 1
                                + (compactedPhone == null ? 0 : 2 + compactedPhone.length)
                                + 1
                                + (compactedPartner == null ? 0 : 2 + compactedPartner.length)
                                + 12
                                + 1
                                + 16)
                + 2
                + size(quarantined, quarantinedTexts);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT_V4).putShort((short) cardId.length).put(cardId).putLong(state.version());
        putNullable(out, owner);
        putEvents(out, events, texts);
        out.put((byte) (stalledSince == null ? 0 : 1));
        if (stalledSince != null) {
            out.putLong(stalledSince.getEpochSecond()).putInt(stalledSince.getNano());
        }
        out.put((byte) (compacted == null ? 0 : 1));
        if (compacted != null) {
            out.putInt(compacted.events()).putInt(compacted.exceptions()).put((byte) (compacted.delivered() ? 1 : 0));
            putNullable(out, compactedPhone);
            putNullable(out, compactedPartner);
            out.putLong(compacted.lastAt().getEpochSecond())
                    .putInt(compacted.lastAt().getNano())
                    .put((byte) compacted.lastType().ordinal());
            UUID id = UUID.fromString(compacted.lastId());
            out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        putEvents(out, quarantined, quarantinedTexts);
        return out.array();
    }

    private static byte[] @Nullable [] texts(List<FoldedEvent> events) {
        byte[] @Nullable [] texts = new byte[events.size() * TEXTS][];
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
            for (int k = 0; k < TEXTS; k++) {
                texts[TEXTS * i + k] = textOrNull(values[k]);
            }
        }
        return texts;
    }

    /** Bytes of {@code events} in the event layout, their texts given. */
    private static int size(List<FoldedEvent> events, byte[] @Nullable [] texts) {
        int size = 0;
        for (int i = 0; i < events.size(); i++) {
            size += FIXED_EVENT_BYTES;
            for (int k = TEXTS * i; k < TEXTS * i + TEXTS; k++) {
                size += texts[k] == null ? 0 : 2 + texts[k].length;
            }
            EventSource source = events.get(i).source();
            if (source != null) {
                size += (source.line() == null ? 0 : 4)
                        + (source.partition() == null ? 0 : 4)
                        + (source.offset() == null ? 0 : 8);
            }
        }
        return size;
    }

    private static void putNullable(ByteBuffer out, byte @Nullable [] text) {
        out.put((byte) (text == null ? 0 : 1));
        if (text != null) {
            out.putShort((short) text.length).put(text);
        }
    }

    /** The count, then each event in the layout of format 2. */
    private static void putEvents(ByteBuffer out, List<FoldedEvent> events, byte[] @Nullable [] texts) {
        out.putShort((short) events.size());
        for (int i = 0; i < events.size(); i++) {
            FoldedEvent event = events.get(i);
            UUID id = UUID.fromString(event.eventId());
            out.putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .put((byte) event.type().ordinal())
                    .putLong(event.occurredAt().getEpochSecond())
                    .putInt(event.occurredAt().getNano());
            for (int k = TEXTS * i; k < TEXTS * i + TEXTS; k++) {
                putNullable(out, texts[k]);
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
    }

    public static CardState decode(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte format = in.get();
            if (format < FORMAT_V1 || format > FORMAT_V4) {
                throw new IllegalArgumentException("unknown card state format " + format);
            }
            String cardId = readText(in);
            long version = in.getLong();
            String owner = format >= FORMAT_V4 ? readNullable(in) : null;
            List<FoldedEvent> events = readEvents(in, format);
            Instant stalledSince =
                    format >= FORMAT_V3 && in.get() != 0 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
            if (format < FORMAT_V4) {
                // before owners: the card belongs to the partner of its first kept event (CardState's constructor)
                return new CardState(cardId, version, events, stalledSince);
            }
            Compacted compacted = null;
            if (in.get() != 0) {
                int count = in.getInt();
                int exceptions = in.getInt();
                boolean delivered = in.get() != 0;
                String phone = readNullable(in);
                String partner = readNullable(in);
                Instant lastAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
                EventType lastType = TYPES[Byte.toUnsignedInt(in.get())];
                String lastId = new UUID(in.getLong(), in.getLong()).toString();
                compacted = new Compacted(count, exceptions, delivered, phone, partner, lastAt, lastType, lastId);
            }
            List<FoldedEvent> quarantined = readEvents(in, format);
            return new CardState(cardId, version, events, stalledSince, owner, compacted, quarantined);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated card state (" + data.length + " bytes)", e);
        }
    }

    private static List<FoldedEvent> readEvents(ByteBuffer in, byte format) {
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
        return events;
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
