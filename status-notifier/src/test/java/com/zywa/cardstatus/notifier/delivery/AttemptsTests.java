package com.zywa.cardstatus.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.subscription.Secrets;
import com.zywa.cardstatus.notifier.subscription.StartOffsets;
import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.subscription.SubscriptionFilter;
import com.zywa.cardstatus.notifier.subscription.SubscriptionRepository;
import com.zywa.cardstatus.notifier.targets.HostResolver;
import com.zywa.cardstatus.notifier.targets.TargetPolicy;
import com.zywa.cardstatus.notifier.webhook.Change;
import com.zywa.cardstatus.notifier.webhook.EventKind;
import com.zywa.cardstatus.notifier.webhook.Webhook;
import com.zywa.cardstatus.notifier.webhook.WebhookPhones;
import com.zywa.cardstatus.notifier.webhook.Webhooks;
import com.zywa.cardstatus.support.personaldata.InMemoryPhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An attempt sends the stored webhook with its phone opened (contract §12): the notifier keeps the phone sealed as
 * {@code card.status} carries it, opens it through the vault when it sends, signs exactly what it sends, and sends
 * {@code "phone": null} once the phone's key is erased (a redelivery after an erasure sends no phone).
 */
class AttemptsTests {

    private static final String PHONE = "+971585949014";

    private final InMemoryPhoneKeys keys = new InMemoryPhoneKeys();
    private final PhoneVault vault = InMemoryPhoneKeys.vault(keys);
    private final String secret = Secrets.generate();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final DeliveryRepository deliveries = mock(DeliveryRepository.class);
    private final SubscriptionRepository subscriptions = mock(SubscriptionRepository.class);
    private final WebhookSender sender = new WebhookSender(
            new TargetPolicy(true, true, HostResolver.SYSTEM), Duration.ofSeconds(5), Clock.systemUTC());
    private HttpServer receiver;

    record Received(Headers headers, String body) {}

    @AfterEach
    void stop() throws IOException {
        sender.close();
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void sendsThePhoneOpenedAndSignedWhileTheStoredBodyKeepsItSealed() throws IOException {
        String sealed = vault.seal(PHONE);
        Subscription subscription = subscription(true, receive());
        PendingDelivery delivery = stored(subscription, sealed);

        assertThat(delivery.body()).contains(sealed).doesNotContain(PHONE).doesNotContain("585949014");
        attempts(vault).attempt(subscription, delivery);

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(data(r).get("phone").asString()).isEqualTo(PHONE);
            assertThat(data(r).get("status").asString()).isEqualTo("DELIVERED");
            assertThat(r.headers().getFirst("webhook-id")).isEqualTo(delivery.webhookId());
            assertThatCode(() -> new com.standardwebhooks.Webhook(secret).verify(r.body(), r.headers()))
                    .as("the signature covers the body as sent, phone opened")
                    .doesNotThrowAnyException();
        });
        verify(deliveries).delivered(any(), any(), any());
    }

    @Test
    void sendsNoPhoneOnceItsKeyIsErasedAndTheWebhookStillVerifies() throws IOException {
        String sealed = vault.seal(PHONE);
        Subscription subscription = subscription(true, receive());
        PendingDelivery delivery = stored(subscription, sealed);
        attempts(vault).attempt(subscription, delivery);

        keys.erase(SealedPhones.keyId(sealed));
        attempts(vault).attempt(subscription, delivery); // a redelivery of the same stored webhook

        assertThat(received).hasSize(2);
        Received again = received.get(1);
        assertThat(data(again).has("phone")).isTrue();
        assertThat(data(again).get("phone").isNull())
                .as("the phone of an erased key")
                .isTrue();
        assertThat(again.body()).doesNotContain("585949014").doesNotContain(sealed);
        assertThat(again.headers().getFirst("webhook-id")).isEqualTo(delivery.webhookId());
        assertThat(data(again).get("status").asString()).isEqualTo("DELIVERED");
        assertThatCode(() -> new com.standardwebhooks.Webhook(secret).verify(again.body(), again.headers()))
                .doesNotThrowAnyException();
    }

    @Test
    void sendsTheStoredBytesAsTheyAreWhenThereIsNoSealedPhone() throws IOException {
        Subscription withoutPhone = subscription(false, receive());
        PendingDelivery delivery = stored(withoutPhone, vault.seal(PHONE));

        attempts(vault).attempt(withoutPhone, delivery);

        assertThat(delivery.body()).doesNotContain(SealedPhones.PHONE_PREFIX);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(delivery.body());
            assertThat(data(r).has("phone")).isFalse();
        });
    }

    @Test
    void aVaultThatCannotAnswerSendsNothingAndRecordsNoAttempt() throws IOException {
        PhoneVault unavailable = mock(PhoneVault.class);
        when(unavailable.open(any(String.class))).thenThrow(new IllegalStateException("PostgreSQL is away"));
        Subscription subscription = subscription(true, receive());
        PendingDelivery delivery = stored(subscription, vault.seal(PHONE));

        attempts(unavailable).attempt(subscription, delivery);

        assertThat(received)
                .as("nothing sent: the lease ends and it is claimed again")
                .isEmpty();
        verifyNoInteractions(deliveries, subscriptions);
    }

    private Attempts attempts(PhoneVault vault) {
        NotifierSettings settings = new NotifierSettings(
                "card.status",
                "card.stalled",
                URI.create("/zywa/card-status"),
                Duration.ofSeconds(5),
                4,
                Duration.ofSeconds(5),
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofHours(24),
                Duration.ofDays(30),
                Duration.ofMillis(500),
                true,
                true,
                100);
        return new Attempts(
                sender,
                new WebhookPhones(vault),
                deliveries,
                subscriptions,
                new DeliveryMetrics(new SimpleMeterRegistry(), subscriptions, deliveries, Clock.systemUTC()),
                settings,
                Clock.systemUTC());
    }

    /** The delivery the intake stores for a card.status record whose phone is sealed. */
    private static PendingDelivery stored(Subscription subscription, String sealedPhone) {
        ObjectNode status = (ObjectNode) Json.MAPPER.readTree("""
                {"card_id":"ZYW8827","status":"DELIVERED","status_at":"2023-11-13T09:34:56Z","version":7,
                 "as_of":"2023-11-13T09:35:00Z","history":[{"type":"DELIVERED"}]}""");
        status.put("phone", sealedPhone);
        Change change = new Change(
                EventKind.STATUS_CHANGED,
                "ZYW8827",
                status,
                "card.status",
                0,
                1,
                Instant.parse("2023-11-13T09:35:00Z"));
        Webhook webhook = new Webhooks(URI.create("/zywa/card-status"))
                .owed(subscription, change)
                .orElseThrow();
        return new PendingDelivery(1, subscription.id(), "ZYW8827", webhook.webhookId(), webhook.body(), 0, null);
    }

    private Subscription subscription(boolean includePhone, URI url) {
        return new Subscription(
                UUID.randomUUID(),
                url,
                SubscriptionFilter.everything(),
                includePhone,
                secret,
                null,
                null,
                new StartOffsets(Map.of()),
                Instant.EPOCH,
                "ops",
                null,
                null);
    }

    private URI receive() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new Received(
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    }

    private static JsonNode data(Received received) {
        return Json.MAPPER.readTree(received.body()).get("data");
    }
}
