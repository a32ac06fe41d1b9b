package com.zywa.cardstatus.contract;

import static com.zywa.cardstatus.contract.StreamingJson.expect;
import static com.zywa.cardstatus.contract.StreamingJson.expected;
import static com.zywa.cardstatus.contract.StreamingJson.nextName;
import static com.zywa.cardstatus.contract.StreamingJson.seen;
import static com.zywa.cardstatus.contract.StreamingJson.text;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;

/**
 * {@link CardEvent} as the event topics carry it, written and read on Jackson's streaming API instead of databind
 * (whose record creator was a fifth of the processor's CPU): the same bytes as {@link Json#MAPPER} writes, and
 * {@link #read} gives what databind gives for that form, or null for any other input, which the caller then hands
 * to databind (see {@link StreamingJson}).
 */
final class CardEventCodec {

    private static final SerializableString EVENT_ID_NAME = StreamingJson.name("event_id");
    private static final SerializableString TYPE_NAME = StreamingJson.name("type");
    private static final SerializableString CARD_ID_NAME = StreamingJson.name("card_id");
    private static final SerializableString PHONE_NAME = StreamingJson.name("phone");
    private static final SerializableString OCCURRED_AT_NAME = StreamingJson.name("occurred_at");
    private static final SerializableString COMMENT_NAME = StreamingJson.name("comment");
    private static final SerializableString RAW_REASON_NAME = StreamingJson.name("raw_reason");
    private static final SerializableString REASON_NAME = StreamingJson.name("reason");
    private static final SerializableString PARTNER_EVENT_ID_NAME = StreamingJson.name("partner_event_id");
    private static final SerializableString SOURCE_NAME = StreamingJson.name("source");
    private static final SerializableString PARTNER_NAME = StreamingJson.name("partner");
    private static final SerializableString UPLOAD_ID_NAME = StreamingJson.name("upload_id");
    private static final SerializableString FILE_NAME = StreamingJson.name("file");
    private static final SerializableString LINE_NAME = StreamingJson.name("line");
    private static final SerializableString CALLER_NAME = StreamingJson.name("caller");
    private static final SerializableString TOPIC_NAME = StreamingJson.name("topic");
    private static final SerializableString PARTITION_NAME = StreamingJson.name("partition");
    private static final SerializableString OFFSET_NAME = StreamingJson.name("offset");
    private static final SerializableString[] EVENT_ORDER = {
        EVENT_ID_NAME,
        TYPE_NAME,
        CARD_ID_NAME,
        PHONE_NAME,
        OCCURRED_AT_NAME,
        COMMENT_NAME,
        RAW_REASON_NAME,
        REASON_NAME,
        PARTNER_EVENT_ID_NAME,
        SOURCE_NAME
    };
    private static final SerializableString[] SOURCE_ORDER = {
        PARTNER_NAME, UPLOAD_ID_NAME, FILE_NAME, LINE_NAME, CALLER_NAME, TOPIC_NAME, PARTITION_NAME, OFFSET_NAME
    };
    private static final int EVENT_ID = 1;
    private static final int TYPE = 2;
    private static final int CARD_ID = 4;
    private static final int PHONE = 8;
    private static final int OCCURRED_AT = 16;
    private static final int COMMENT = 32;
    private static final int PARTNER_EVENT_ID = 64;
    private static final int SOURCE = 128;
    private static final int RAW_REASON = 256;
    private static final int REASON = 512;

    private CardEventCodec() {}

    static byte[] write(CardEvent event) {
        return StreamingJson.write(event, CardEventCodec::write);
    }

    /** The event in {@code bytes}, or null if they are not in the form {@link #write} gives (absent fields aside). */
    static @Nullable CardEvent read(byte[] bytes) {
        return StreamingJson.read(bytes, CardEventCodec::read);
    }

    private static void write(JsonGenerator out, CardEvent event) {
        out.writeStartObject();
        StreamingJson.writeText(out, EVENT_ID_NAME, event.eventId());
        StreamingJson.writeType(out, TYPE_NAME, event.type());
        StreamingJson.writeText(out, CARD_ID_NAME, event.cardId());
        StreamingJson.writeText(out, PHONE_NAME, event.phone());
        StreamingJson.writeInstant(out, OCCURRED_AT_NAME, event.occurredAt());
        StreamingJson.writeText(out, COMMENT_NAME, event.comment());
        StreamingJson.writeText(out, RAW_REASON_NAME, event.rawReason());
        StreamingJson.writeEnum(out, REASON_NAME, event.reason());
        StreamingJson.writeText(out, PARTNER_EVENT_ID_NAME, event.partnerEventId());
        out.writeName(SOURCE_NAME);
        writeSource(out, event.source());
        out.writeEndObject();
    }

    /** An event's source, as its own field and as the history entries of a status carry it. */
    static void writeSource(JsonGenerator out, @Nullable EventSource source) {
        if (source == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        StreamingJson.writeText(out, PARTNER_NAME, source.partner());
        StreamingJson.writeText(out, UPLOAD_ID_NAME, source.uploadId());
        StreamingJson.writeText(out, FILE_NAME, source.file());
        StreamingJson.writeInteger(out, LINE_NAME, source.line());
        StreamingJson.writeText(out, CALLER_NAME, source.caller());
        StreamingJson.writeText(out, TOPIC_NAME, source.topic());
        StreamingJson.writeInteger(out, PARTITION_NAME, source.partition());
        out.writeName(OFFSET_NAME);
        if (source.offset() == null) {
            out.writeNull();
        } else {
            out.writeNumber(source.offset().longValue());
        }
        out.writeEndObject();
    }

    private static CardEvent read(JsonParser in) {
        expect(in.nextToken(), JsonToken.START_OBJECT);
        String eventId = null;
        EventType type = null;
        String cardId = null;
        String phone = null;
        Instant occurredAt = null;
        String comment = null;
        String rawReason = null;
        Reason reason = null;
        String partnerEventId = null;
        EventSource source = null;
        int fields = 0;
        for (int i = 0; ; i++) {
            String name = nextName(in, expected(EVENT_ORDER, i));
            if (name == null) {
                break;
            }
            switch (name) {
                case "event_id" -> {
                    fields = seen(fields, EVENT_ID);
                    eventId = text(in);
                }
                case "type" -> {
                    fields = seen(fields, TYPE);
                    type = StreamingJson.type(in);
                }
                case "card_id" -> {
                    fields = seen(fields, CARD_ID);
                    cardId = text(in);
                }
                case "phone" -> {
                    fields = seen(fields, PHONE);
                    phone = text(in);
                }
                case "occurred_at" -> {
                    fields = seen(fields, OCCURRED_AT);
                    occurredAt = StreamingJson.instant(in);
                }
                case "comment" -> {
                    fields = seen(fields, COMMENT);
                    comment = text(in);
                }
                case "raw_reason" -> {
                    fields = seen(fields, RAW_REASON);
                    rawReason = text(in);
                }
                case "reason" -> {
                    fields = seen(fields, REASON);
                    reason = StreamingJson.reason(in);
                }
                case "partner_event_id" -> {
                    fields = seen(fields, PARTNER_EVENT_ID);
                    partnerEventId = text(in);
                }
                case "source" -> {
                    fields = seen(fields, SOURCE);
                    source = source(in);
                }
                default -> StreamingJson.skip(in);
            }
        }
        return new CardEvent(
                eventId, type, cardId, phone, occurredAt, comment, rawReason, reason, partnerEventId, source);
    }

    /** An event's source as {@link #writeSource} writes it (absent fields aside), or null for a JSON null. */
    static @Nullable EventSource source(JsonParser in) {
        JsonToken token = in.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.START_OBJECT);
        String partner = null;
        String uploadId = null;
        String file = null;
        Integer line = null;
        String caller = null;
        String topic = null;
        Integer partition = null;
        Long offset = null;
        int fields = 0;
        for (int i = 0; ; i++) {
            String name = nextName(in, expected(SOURCE_ORDER, i));
            if (name == null) {
                break;
            }
            switch (name) {
                case "partner" -> {
                    fields = seen(fields, 1);
                    partner = text(in);
                }
                case "upload_id" -> {
                    fields = seen(fields, 2);
                    uploadId = text(in);
                }
                case "file" -> {
                    fields = seen(fields, 4);
                    file = text(in);
                }
                case "line" -> {
                    fields = seen(fields, 8);
                    line = StreamingJson.integer(in);
                }
                case "caller" -> {
                    fields = seen(fields, 16);
                    caller = text(in);
                }
                case "topic" -> {
                    fields = seen(fields, 32);
                    topic = text(in);
                }
                case "partition" -> {
                    fields = seen(fields, 64);
                    partition = StreamingJson.integer(in);
                }
                case "offset" -> {
                    fields = seen(fields, 128);
                    offset = StreamingJson.longObject(in);
                }
                default -> StreamingJson.skip(in);
            }
        }
        return new EventSource(partner, uploadId, file, line, caller, topic, partition, offset);
    }
}
