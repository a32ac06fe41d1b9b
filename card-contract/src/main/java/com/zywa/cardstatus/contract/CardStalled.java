package com.zywa.cardstatus.contract;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A card stalled (contract §13): the structured CloudEvent of type {@value #TYPE} on {@link Topics#STALLED}, with the
 * stalled status's main fields as its data. Its ID names the card and the status version, so a reader can tell a
 * copy from a new stall.
 */
public record CardStalled(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        Data data) {

    /** The CloudEvent type of a stall. */
    public static final String TYPE = "com.zywa.card.stalled";

    /** The source of every stall: the fold. */
    public static final String SOURCE = "/card-status-processor";

    /** The Kafka header naming a structured CloudEvent's content type, and its value. */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** What a stall tells of its card: the status it stalled in, since when, and who is to act. */
    public record Data(
            String cardId,
            EventType status,
            Instant statusAt,
            @Nullable String partner,
            @Nullable Reason reason,
            @Nullable ActionRequired actionRequired,
            Instant stalledSince,
            long version,
            @Nullable Instant asOf) {}

    /** The stall of {@code status}, which must be stalled. */
    public static CardStalled of(CardStatus status) {
        Instant since = status.stalledSince();
        if (since == null) {
            throw new IllegalArgumentException("card " + status.cardId() + " is not stalled");
        }
        return new CardStalled(
                "1.0",
                status.cardId() + "/stalled/" + status.version(),
                SOURCE,
                TYPE,
                status.cardId(),
                status.asOf() == null ? since : status.asOf(),
                "application/json",
                new Data(
                        status.cardId(),
                        status.status(),
                        status.statusAt(),
                        status.partner(),
                        status.reason(),
                        status.actionRequired(),
                        since,
                        status.version(),
                        status.asOf()));
    }

    /** This event as the JSON value of a {@link Topics#STALLED} record. */
    public byte[] toJson() {
        return JsonSerde.bytes(this);
    }
}
