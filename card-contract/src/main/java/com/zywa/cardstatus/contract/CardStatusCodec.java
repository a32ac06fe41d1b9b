package com.zywa.cardstatus.contract;

import static com.zywa.cardstatus.contract.StreamingJson.expect;
import static com.zywa.cardstatus.contract.StreamingJson.expected;
import static com.zywa.cardstatus.contract.StreamingJson.nextName;
import static com.zywa.cardstatus.contract.StreamingJson.seen;
import static com.zywa.cardstatus.contract.StreamingJson.text;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;

/**
 * {@link CardStatus} as {@link Topics#STATUS} carries it, written and read on Jackson's streaming API instead of
 * databind: the same bytes as {@link Json#MAPPER} writes, and {@link #read} gives what databind gives for that form,
 * or null for any other input, which the caller then hands to databind (see {@link StreamingJson}).
 */
public final class CardStatusCodec {

    private static final SerializableString CARD_ID_NAME = StreamingJson.name("card_id");
    private static final SerializableString STATUS_NAME = StreamingJson.name("status");
    private static final SerializableString STATUS_AT_NAME = StreamingJson.name("status_at");
    private static final SerializableString PHONE_NAME = StreamingJson.name("phone");
    private static final SerializableString COMMENT_NAME = StreamingJson.name("comment");
    private static final SerializableString REASON_NAME = StreamingJson.name("reason");
    private static final SerializableString RAW_REASON_NAME = StreamingJson.name("raw_reason");
    private static final SerializableString RESPONSIBLE_NAME = StreamingJson.name("responsible");
    private static final SerializableString ACTION_REQUIRED_NAME = StreamingJson.name("action_required");
    private static final SerializableString DELIVERY_EXCEPTIONS_NAME = StreamingJson.name("delivery_exceptions");
    private static final SerializableString ATTEMPTS_NAME = StreamingJson.name("attempts");
    private static final SerializableString PARTNER_NAME = StreamingJson.name("partner");
    private static final SerializableString VERSION_NAME = StreamingJson.name("version");
    private static final SerializableString AS_OF_NAME = StreamingJson.name("as_of");
    private static final SerializableString STALLED_SINCE_NAME = StreamingJson.name("stalled_since");
    private static final SerializableString HISTORY_NAME = StreamingJson.name("history");
    private static final SerializableString AT_NAME = StreamingJson.name("at");
    private static final SerializableString PARTNER_EVENT_ID_NAME = StreamingJson.name("partner_event_id");
    private static final SerializableString SOURCE_NAME = StreamingJson.name("source");
    private static final SerializableString[] STATUS_ORDER = {
        CARD_ID_NAME,
        STATUS_NAME,
        STATUS_AT_NAME,
        PHONE_NAME,
        COMMENT_NAME,
        REASON_NAME,
        RAW_REASON_NAME,
        RESPONSIBLE_NAME,
        ACTION_REQUIRED_NAME,
        DELIVERY_EXCEPTIONS_NAME,
        ATTEMPTS_NAME,
        PARTNER_NAME,
        VERSION_NAME,
        AS_OF_NAME,
        STALLED_SINCE_NAME,
        HISTORY_NAME
    };
    private static final SerializableString[] ENTRY_ORDER = {
        STATUS_NAME,
        AT_NAME,
        COMMENT_NAME,
        REASON_NAME,
        RAW_REASON_NAME,
        RESPONSIBLE_NAME,
        ACTION_REQUIRED_NAME,
        PARTNER_EVENT_ID_NAME,
        SOURCE_NAME
    };
    private static final int DELIVERY_EXCEPTIONS = 1 << 9;
    private static final int VERSION = 1 << 12;
    private static final int HISTORY = 1 << 15;
    private static final int REQUIRED = DELIVERY_EXCEPTIONS | VERSION | HISTORY;

    private CardStatusCodec() {}

    /**
     * The histories of {@code statuses} as one JSON array holding each one's {@code history} array, each exactly as
     * {@link Topics#STATUS} carries it: for a database statement to take them all in one parameter.
     */
    public static String histories(List<CardStatus> statuses) {
        StringWriter text = new StringWriter(statuses.size() * 160);
        try (JsonGenerator out = StreamingJson.FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
            out.writeStartArray();
            for (CardStatus status : statuses) {
                writeHistory(out, status.history());
            }
            out.writeEndArray();
        }
        return text.toString();
    }

    static byte[] write(CardStatus status) {
        return StreamingJson.write(status, CardStatusCodec::write);
    }

    /** The status in {@code bytes}, or null if they are not in the form {@link #write} gives (absent fields aside). */
    static @Nullable CardStatus read(byte[] bytes) {
        return StreamingJson.read(bytes, CardStatusCodec::read);
    }

    private static void write(JsonGenerator out, CardStatus status) {
        out.writeStartObject();
        StreamingJson.writeText(out, CARD_ID_NAME, status.cardId());
        StreamingJson.writeType(out, STATUS_NAME, status.status());
        StreamingJson.writeInstant(out, STATUS_AT_NAME, status.statusAt());
        StreamingJson.writeText(out, PHONE_NAME, status.phone());
        StreamingJson.writeText(out, COMMENT_NAME, status.comment());
        StreamingJson.writeEnum(out, REASON_NAME, status.reason());
        StreamingJson.writeText(out, RAW_REASON_NAME, status.rawReason());
        StreamingJson.writeEnum(out, RESPONSIBLE_NAME, status.responsible());
        StreamingJson.writeEnum(out, ACTION_REQUIRED_NAME, status.actionRequired());
        out.writeName(DELIVERY_EXCEPTIONS_NAME);
        out.writeNumber(status.deliveryExceptions());
        StreamingJson.writeInteger(out, ATTEMPTS_NAME, status.attempts());
        StreamingJson.writeText(out, PARTNER_NAME, status.partner());
        out.writeName(VERSION_NAME);
        out.writeNumber(status.version());
        StreamingJson.writeInstant(out, AS_OF_NAME, status.asOf());
        StreamingJson.writeInstant(out, STALLED_SINCE_NAME, status.stalledSince());
        out.writeName(HISTORY_NAME);
        writeHistory(out, status.history());
        out.writeEndObject();
    }

    private static void writeHistory(JsonGenerator out, List<CardStatus.HistoryEntry> history) {
        out.writeStartArray();
        for (CardStatus.HistoryEntry entry : history) {
            out.writeStartObject();
            StreamingJson.writeType(out, STATUS_NAME, entry.status());
            StreamingJson.writeInstant(out, AT_NAME, entry.at());
            StreamingJson.writeText(out, COMMENT_NAME, entry.comment());
            StreamingJson.writeEnum(out, REASON_NAME, entry.reason());
            StreamingJson.writeText(out, RAW_REASON_NAME, entry.rawReason());
            StreamingJson.writeEnum(out, RESPONSIBLE_NAME, entry.responsible());
            StreamingJson.writeEnum(out, ACTION_REQUIRED_NAME, entry.actionRequired());
            StreamingJson.writeText(out, PARTNER_EVENT_ID_NAME, entry.partnerEventId());
            out.writeName(SOURCE_NAME);
            CardEventCodec.writeSource(out, entry.source());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static CardStatus read(JsonParser in) {
        expect(in.nextToken(), JsonToken.START_OBJECT);
        String cardId = null;
        EventType type = null;
        Instant statusAt = null;
        String phone = null;
        String comment = null;
        Reason reason = null;
        String rawReason = null;
        Responsible responsible = null;
        ActionRequired action = null;
        int deliveryExceptions = 0;
        Integer attempts = null;
        String partner = null;
        long version = 0;
        Instant asOf = null;
        Instant stalledSince = null;
        List<CardStatus.HistoryEntry> history = null;
        int fields = 0;
        for (int i = 0; ; i++) {
            String name = nextName(in, expected(STATUS_ORDER, i));
            if (name == null) {
                break;
            }
            switch (name) {
                case "card_id" -> {
                    fields = seen(fields, 1);
                    cardId = text(in);
                }
                case "status" -> {
                    fields = seen(fields, 1 << 1);
                    type = StreamingJson.type(in);
                }
                case "status_at" -> {
                    fields = seen(fields, 1 << 2);
                    statusAt = StreamingJson.instant(in);
                }
                case "phone" -> {
                    fields = seen(fields, 1 << 3);
                    phone = text(in);
                }
                case "comment" -> {
                    fields = seen(fields, 1 << 4);
                    comment = text(in);
                }
                case "reason" -> {
                    fields = seen(fields, 1 << 5);
                    reason = StreamingJson.reason(in);
                }
                case "raw_reason" -> {
                    fields = seen(fields, 1 << 6);
                    rawReason = text(in);
                }
                case "responsible" -> {
                    fields = seen(fields, 1 << 7);
                    responsible = StreamingJson.responsible(in);
                }
                case "action_required" -> {
                    fields = seen(fields, 1 << 8);
                    action = StreamingJson.action(in);
                }
                case "delivery_exceptions" -> {
                    fields = seen(fields, DELIVERY_EXCEPTIONS);
                    deliveryExceptions = StreamingJson.intValue(in);
                }
                case "attempts" -> {
                    fields = seen(fields, 1 << 10);
                    attempts = StreamingJson.integer(in);
                }
                case "partner" -> {
                    fields = seen(fields, 1 << 11);
                    partner = text(in);
                }
                case "version" -> {
                    fields = seen(fields, VERSION);
                    version = StreamingJson.longValue(in);
                }
                case "as_of" -> {
                    fields = seen(fields, 1 << 13);
                    asOf = StreamingJson.instant(in);
                }
                case "stalled_since" -> {
                    fields = seen(fields, 1 << 14);
                    stalledSince = StreamingJson.instant(in);
                }
                case "history" -> {
                    fields = seen(fields, HISTORY);
                    history = history(in);
                }
                default -> StreamingJson.skip(in);
            }
        }
        if ((fields & REQUIRED) != REQUIRED) {
            throw StreamingJson.NotOurForm.INSTANCE; // databind refuses a missing primitive and fails on no history
        }
        return new CardStatus(
                cardId,
                type,
                statusAt,
                phone,
                comment,
                reason,
                rawReason,
                responsible,
                action,
                deliveryExceptions,
                attempts,
                partner,
                version,
                asOf,
                stalledSince,
                history);
    }

    private static List<CardStatus.HistoryEntry> history(JsonParser in) {
        expect(in.nextToken(), JsonToken.START_ARRAY);
        List<CardStatus.HistoryEntry> entries = new ArrayList<>();
        for (JsonToken token = in.nextToken(); token != JsonToken.END_ARRAY; token = in.nextToken()) {
            expect(token, JsonToken.START_OBJECT);
            entries.add(entry(in));
        }
        return entries;
    }

    private static CardStatus.HistoryEntry entry(JsonParser in) {
        EventType status = null;
        Instant at = null;
        String comment = null;
        Reason reason = null;
        String rawReason = null;
        Responsible responsible = null;
        ActionRequired action = null;
        String partnerEventId = null;
        EventSource source = null;
        int fields = 0;
        for (int i = 0; ; i++) {
            String name = nextName(in, expected(ENTRY_ORDER, i));
            if (name == null) {
                break;
            }
            switch (name) {
                case "status" -> {
                    fields = seen(fields, 1);
                    status = StreamingJson.type(in);
                }
                case "at" -> {
                    fields = seen(fields, 1 << 1);
                    at = StreamingJson.instant(in);
                }
                case "comment" -> {
                    fields = seen(fields, 1 << 2);
                    comment = text(in);
                }
                case "reason" -> {
                    fields = seen(fields, 1 << 3);
                    reason = StreamingJson.reason(in);
                }
                case "raw_reason" -> {
                    fields = seen(fields, 1 << 4);
                    rawReason = text(in);
                }
                case "responsible" -> {
                    fields = seen(fields, 1 << 5);
                    responsible = StreamingJson.responsible(in);
                }
                case "action_required" -> {
                    fields = seen(fields, 1 << 6);
                    action = StreamingJson.action(in);
                }
                case "partner_event_id" -> {
                    fields = seen(fields, 1 << 7);
                    partnerEventId = text(in);
                }
                case "source" -> {
                    fields = seen(fields, 1 << 8);
                    source = CardEventCodec.source(in);
                }
                default -> StreamingJson.skip(in);
            }
        }
        return new CardStatus.HistoryEntry(
                status, at, comment, reason, rawReason, responsible, action, partnerEventId, source);
    }
}
