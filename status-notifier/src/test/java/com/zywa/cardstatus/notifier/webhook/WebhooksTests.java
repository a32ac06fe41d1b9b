package com.zywa.cardstatus.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.notifier.subscription.StartOffsets;
import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.subscription.SubscriptionFilter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class WebhooksTests {

    private static final String STATUS = """
            {"card_id":"ZYW8827","status":"DELIVERED","status_at":"2023-11-13T09:34:56Z","phone":"+971585949014",
             "comment":"at the door","delivery_exceptions":0,"version":3,
             "history":[{"status":"PICKED_UP","at":"2023-11-12T06:00:00Z","comment":null}]}""";

    private final Webhooks webhooks = new Webhooks(URI.create("/zywa/card-status"));
    private final Subscription subscription = subscription(false);

    @Test
    void sendsTheStatusWithoutHistoryOrPhoneAsAStructuredCloudEvent() {
        JsonNode body = body(webhooks.owed(subscription, change(STATUS, 10)).orElseThrow());

        assertThat(body.get("specversion").asString()).isEqualTo("1.0");
        assertThat(body.get("type").asString()).isEqualTo("com.zywa.card.status-changed");
        assertThat(body.get("source").asString()).isEqualTo("/zywa/card-status");
        assertThat(body.get("subject").asString()).isEqualTo("ZYW8827");
        assertThat(body.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(body.get("id").asString()).startsWith("msg_");
        assertThat(body.get("data").get("status").asString()).isEqualTo("DELIVERED");
        assertThat(body.get("data").get("version").asInt()).isEqualTo(3);
        assertThat(body.get("data").has("history")).isFalse();
        assertThat(body.get("data").has("phone")).isFalse();
    }

    @Test
    void sendsThePhoneOnlyToASubscriptionThatAskedForIt() {
        JsonNode body =
                body(webhooks.owed(subscription(true), change(STATUS, 10)).orElseThrow());

        assertThat(body.get("data").get("phone").asString()).isEqualTo("+971585949014");
    }

    @Test
    void carriesFieldsOfLaterStatusVersionsWithoutAChangeHere() {
        String v2 = STATUS.replace(
                "\"version\":3", "\"version\":3,\"reason\":\"LOST\",\"as_of\":\"2023-11-13T09:35:00Z\",\"attempts\":2");

        JsonNode body = body(webhooks.owed(subscription, change(v2, 10)).orElseThrow());

        assertThat(body.get("data").get("reason").asString()).isEqualTo("LOST");
        assertThat(body.get("data").get("attempts").asInt()).isEqualTo(2);
        assertThat(body.get("time").asString()).as("the change's as_of").isEqualTo("2023-11-13T09:35:00Z");
    }

    @Test
    void hashesTheSameContentTheSameWhateverTheVersionAsOfHistoryAndFieldOrder() {
        Webhook first = webhooks.owed(subscription, change(STATUS, 10)).orElseThrow();
        String rebuilt = """
                {"history":[],"version":1,"as_of":"2024-01-01T00:00:00Z","delivery_exceptions":0,
                 "comment":"at the door","phone":"+971585949014","status_at":"2023-11-13T09:34:56Z",
                 "status":"DELIVERED","card_id":"ZYW8827"}""";

        Webhook again = webhooks.owed(subscription, change(rebuilt, 99)).orElseThrow();

        assertThat(again.contentHash()).isEqualTo(first.contentHash());
    }

    @Test
    void hashesARealChangeDifferently() {
        Webhook first = webhooks.owed(subscription, change(STATUS, 10)).orElseThrow();

        assertThat(webhooks.owed(subscription, change(STATUS.replace("at the door", "with the guard"), 11))
                        .orElseThrow()
                        .contentHash())
                .isNotEqualTo(first.contentHash());
        assertThat(webhooks.owed(subscription, change(STATUS.replace("+971585949014", "+971500000000"), 11))
                        .orElseThrow()
                        .contentHash())
                .as("the phone is no news to a subscription that does not receive it")
                .isEqualTo(first.contentHash());
    }

    @Test
    void givesTheSameRecordTheSameWebhookIdAndEachSubscriptionItsOwn() {
        Webhook once = webhooks.owed(subscription, change(STATUS, 10)).orElseThrow();
        Webhook again = webhooks.owed(subscription, change(STATUS, 10)).orElseThrow();
        Webhook other = webhooks.owed(subscription(false), change(STATUS, 10)).orElseThrow();

        assertThat(again.webhookId()).isEqualTo(once.webhookId());
        assertThat(again.body()).isEqualTo(once.body());
        assertThat(other.webhookId()).isNotEqualTo(once.webhookId());
    }

    @Test
    void owesNothingForRecordsBeforeTheSubscriptionOrOutsideItsFilter() {
        Subscription late = subscription(
                SubscriptionFilter.everything(), false, new StartOffsets(Map.of("card.status", Map.of(0, 50L))));
        Subscription returnsOnly = subscription(
                new SubscriptionFilter(List.of("RETURNED"), List.of(), List.of(), List.of(), null),
                false,
                new StartOffsets(Map.of()));

        assertThat(webhooks.owed(late, change(STATUS, 49))).isEmpty();
        assertThat(webhooks.owed(late, change(STATUS, 50))).isPresent();
        assertThat(webhooks.owed(returnsOnly, change(STATUS, 60))).isEmpty();
    }

    private static Subscription subscription(boolean includePhone) {
        return subscription(SubscriptionFilter.everything(), includePhone, new StartOffsets(Map.of()));
    }

    private static Subscription subscription(SubscriptionFilter filter, boolean includePhone, StartOffsets start) {
        return new Subscription(
                UUID.randomUUID(),
                URI.create("https://example.com/hooks"),
                filter,
                includePhone,
                "whsec_x",
                null,
                null,
                start,
                Instant.EPOCH,
                "ops",
                null,
                null);
    }

    private static Change change(String json, long offset) {
        return new Change(
                EventKind.STATUS_CHANGED,
                "ZYW8827",
                (ObjectNode) Json.MAPPER.readTree(json),
                "card.status",
                0,
                offset,
                Instant.parse("2023-11-13T09:35:00Z"));
    }

    private static JsonNode body(Webhook webhook) {
        return Json.MAPPER.readTree(webhook.body());
    }
}
