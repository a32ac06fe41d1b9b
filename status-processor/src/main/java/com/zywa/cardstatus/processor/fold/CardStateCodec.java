package com.zywa.cardstatus.processor.fold;

import com.zywa.cardstatus.contract.EventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Compact binary form of {@link CardState} for the Streams state store and its changelog topic: event IDs
 * as 16 bytes, instants as seconds and nanos, strings length-prefixed. Starts with a format byte so the layout
 * can evolve without breaking a stored changelog.
 */
public final class CardStateCodec {

    private static final byte FORMAT_V1 = 1;
    private static final EventType[] TYPES = EventType.values();

    private CardStateCodec() {
    }

    public static byte[] encode(CardState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 64 * state.events().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            out.writeUTF(state.cardId());
            out.writeLong(state.version());
            out.writeShort(state.events().size());
            for (FoldedEvent event : state.events()) {
                writeEvent(out, event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public static CardState decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT_V1) {
                throw new IllegalArgumentException("unknown card state format " + format);
            }
            String cardId = in.readUTF();
            long version = in.readLong();
            int count = in.readUnsignedShort();
            List<FoldedEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(readEvent(in));
            }
            return new CardState(cardId, version, events);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated card state (" + data.length + " bytes)", e);
        }
    }

    private static void writeEvent(DataOutputStream out, FoldedEvent event) throws IOException {
        UUID id = UUID.fromString(event.eventId());
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
        out.writeByte(event.type().ordinal());
        out.writeLong(event.occurredAt().getEpochSecond());
        out.writeInt(event.occurredAt().getNano());
        writeNullable(out, event.phone());
        writeNullable(out, event.comment());
        writeNullable(out, event.partnerEventId());
    }

    private static FoldedEvent readEvent(DataInputStream in) throws IOException {
        String id = new UUID(in.readLong(), in.readLong()).toString();
        EventType type = TYPES[in.readUnsignedByte()];
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        return new FoldedEvent(id, type, at, readNullable(in), readNullable(in), readNullable(in));
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
