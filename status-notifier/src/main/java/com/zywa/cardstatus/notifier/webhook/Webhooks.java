package com.zywa.cardstatus.notifier.webhook;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.subscription.Subscription;
import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the webhook a subscription is owed for a change: a structured CloudEvent 1.0 whose {@code data} is the
 * status as the topic carries it (every field, those of later status versions too) without its {@code history}
 * (clients read it from the status API) and without the phone unless the subscription asked for it; the phone stays
 * as the record carries it (sealed: {@link WebhookPhones} opens it when the webhook is sent). Its id
 * ({@code webhook-id}) is derived from the subscription, the card, the record's version and the content, so reading
 * the same record again makes the same webhook.
 */
@Component
public class Webhooks {

    private final String source;

    @Autowired
    Webhooks(NotifierSettings settings) {
        this(settings.source());
    }

    public Webhooks(URI source) {
        this.source = source.toString();
    }

    /** The webhook {@code subscription} is owed for {@code change}, or none when it does not want the change. */
    public Optional<Webhook> owed(Subscription subscription, Change change) {
        if (!subscription.startOffsets().covers(change.topic(), change.partition(), change.offset())
                || !subscription.filter().matches(change.payload(), change.kind() == EventKind.STALLED)) {
            return Optional.empty();
        }
        ObjectNode data = change.payload().deepCopy();
        data.remove("history");
        if (!subscription.includePhone()) {
            data.remove("phone");
        }
        byte[] hash = ContentHash.of(change.kind(), data);
        JsonNode version = data.get("version");
        String id = id(subscription, change.cardId(), change.kind(), version == null ? "" : version.toString(), hash);
        return Optional.of(new Webhook(
                subscription.id(),
                change.cardId(),
                change.kind(),
                id,
                body(id, change.kind(), change.cardId(), change.time(), data),
                hash));
    }

    /** A test event for {@code subscription}: a real signature and envelope, about no card. */
    public Webhook test(Subscription subscription, Instant now) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("message", "a test event from the card status notifier; it is about no card");
        data.put("subscription_id", subscription.id().toString());
        String id = "msg_test_" + HexFormat.of().formatHex(ContentHash.sha256(subscription.id() + "|" + now), 0, 12);
        return new Webhook(
                subscription.id(), "", EventKind.TEST, id, body(id, EventKind.TEST, "test", now, data), new byte[0]);
    }

    private String body(String id, EventKind kind, String subject, Instant time, ObjectNode data) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", source);
        event.put("type", kind.type());
        event.put("subject", subject);
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return Json.MAPPER.writeValueAsString(event);
    }

    private static String id(Subscription subscription, String cardId, EventKind kind, String version, byte[] hash) {
        String key = subscription.id() + "|" + cardId + "|" + kind.type() + "|" + version + "|"
                + HexFormat.of().formatHex(hash);
        return "msg_" + HexFormat.of().formatHex(ContentHash.sha256(key), 0, 16);
    }
}
