package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.CardState;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import com.zywa.cardstatus.notifier.StatusNotifierApplication;
import com.zywa.cardstatus.support.personaldata.KeyEncryptionKey;
import com.zywa.cardstatus.support.personaldata.PhoneHasher;
import com.zywa.cardstatus.support.personaldata.PhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The status-notifier in the running pipeline (real broker, PostgreSQL, fold), delivering to real HTTP receivers
 * that verify every webhook with the Standard Webhooks library: exactly the filtered changes arrive, in order per
 * card; an outage or a hanging receiver loses nothing and delays no one else; the retry horizon pauses and resuming
 * delivers the backlog; a rotated secret signs beside the new one; a replay of {@code card.status} sends nothing; a
 * sealed phone is queued sealed and sent opened, or as null once its key is erased.
 */
@ExtendWith(PipelineExtension.class)
class NotifierIntegrationTests {

    private static final AtomicInteger CARDS = new AtomicInteger();
    private static final Duration DELIVERED_SOON = Duration.ofSeconds(30);

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();
    private Pipeline pipeline;
    private PipelineClient client;

    /** A subscription as created: where to manage it, and its secret (shown once). */
    record Subscribed(String url, String secret) {}

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.client = new PipelineClient(pipeline);
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(
                url -> client.send(HttpMethod.DELETE, url, Map.of("X-API-Key", TestCredentials.OPS_KEY), null, null));
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void deliversExactlyTheFilteredChangesOfUploadsAndEventsInOrderPerCard() throws IOException {
        WebhookReceiver all = receiver();
        WebhookReceiver outcomes = receiver();
        subscribe(pipeline.notifierUrl(), all, "{\"url\":\"%s\"}");
        subscribe(
                pipeline.notifierUrl(),
                outcomes,
                "{\"url\":\"%s\",\"statuses\":[\"DELIVERED\",\"RETURNED\"],\"include_phone\":true}");
        SampleSet samples = SampleSet.next();
        for (String file : SampleSet.FILES) {
            assertThat(client.upload(samples, file).status()).isEqualTo(201);
            client.awaitIdle();
        }
        String card = card();
        event(card, "PICKED_UP", "2024-03-01T08:00:00Z", "0585550001");
        awaitStatuses(all, card, "PICKED_UP");
        event(card, "DELIVERY_EXCEPTION", "2024-03-01T12:00:00Z", null);
        awaitStatuses(all, card, "PICKED_UP", "DELIVERY_EXCEPTION");
        // the same exception again, and an earlier pickup: the fold's history changes, the card's status does not
        event(card, "DELIVERY_EXCEPTION", "2024-03-01T12:00:00Z", null);
        event(card, "PICKED_UP", "2024-03-01T07:00:00Z", null);
        client.awaitNotifierIdle("status-notifier");
        event(card, "DELIVERED", "2024-03-02T09:00:00Z", null);

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(samples.card("ZYW8827"), List.of("PICKED_UP", "DELIVERED"));
        expected.put(samples.card("ZYW8890"), List.of("PICKED_UP", "DELIVERY_EXCEPTION", "RETURNED"));
        expected.put(samples.card("ZYW7631"), List.of("PICKED_UP", "DELIVERY_EXCEPTION", "DELIVERED"));
        expected.put(card, List.of("PICKED_UP", "DELIVERY_EXCEPTION", "DELIVERED"));
        List<String> cards = List.copyOf(expected.keySet());
        await().atMost(DELIVERED_SOON).untilAsserted(() -> {
            assertThat(all.statusesByCard(cards)).isEqualTo(expected);
            assertThat(outcomes.statusesByCard(cards)).isEqualTo(lastOf(expected));
        });
        client.awaitNotifierIdle("status-notifier");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(all.statusesByCard(cards)).as("nothing more").isEqualTo(expected);
            assertThat(outcomes.statusesByCard(cards)).isEqualTo(lastOf(expected));
        });
        List<WebhookReceiver.Received> received = new ArrayList<>(all.received());
        received.addAll(outcomes.received());
        assertThat(received).allSatisfy(r -> assertThat(r.verifiedBy()).containsExactly(true));
        assertThat(all.about(card))
                .allSatisfy(r -> assertThat(r.event().get("data").has("phone")).isFalse());
        assertThat(outcomes.about(card)).singleElement().satisfies(r -> {
            assertThat(r.event().get("type").asString()).isEqualTo("com.zywa.card.status-changed");
            assertThat(r.event().get("id").asString()).isEqualTo(r.webhookId());
            assertThat(r.event().get("data").get("phone").asString()).isEqualTo("+971585550001");
            assertThat(r.event().get("data").has("history")).isFalse();
        });
    }

    @Test
    void sendsASealedPhoneOpenedAndNoPhoneOnceItsKeyIsErasedWhileTheQueueKeepsItSealed() throws Exception {
        WebhookReceiver withPhone = receiver();
        Subscribed subscription =
                subscribe(pipeline.notifierUrl(), withPhone, "{\"url\":\"%s\",\"include_phone\":true}");
        Pipeline.Database database = pipeline.database();
        PhoneVault vault = new PhoneVault(
                KeyEncryptionKey.fromJson(Pipeline.KEK),
                new PhoneHasher(Pipeline.PHONE_HASH_KEY),
                new PhoneKeys(new DriverManagerDataSource(database.url(), database.user(), database.password())));
        String phone =
                "+9715855" + String.format("%05d", ProcessHandle.current().pid() % 100_000);
        String sealed = vault.seal(phone);
        String card = card();

        CardState state =
                CardState.empty(card).apply(sealedEvent(EventType.PICKED_UP, card, sealed, "2024-03-01T08:00:00Z"));
        publishStatus(state);
        awaitStatuses(withPhone, card, "PICKED_UP");
        assertThat(withPhone.about(card)).singleElement().satisfies(r -> {
            assertThat(r.verifiedBy()).containsExactly(true);
            assertThat(r.event().get("data").get("phone").asString()).isEqualTo(phone);
        });

        // paused, the next change waits in the queue: it holds the phone sealed, never in clear
        assertThat(client.postJson(subscription.url() + "/pause", "{}").status())
                .isEqualTo(200);
        publishStatus(state.apply(sealedEvent(EventType.DELIVERED, card, null, "2024-03-02T09:00:00Z")));
        String national = phone.substring(4);
        await().atMost(DELIVERED_SOON)
                .untilAsserted(() -> assertThat(bodies(card))
                        .hasSize(2)
                        .allSatisfy(body -> assertThat(body).contains(sealed).doesNotContain(national)));

        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement erase =
                        connection.prepareStatement("DELETE FROM ingest.phone_key WHERE key_id = ?")) {
            erase.setObject(1, SealedPhones.keyId(sealed));
            assertThat(erase.executeUpdate()).isEqualTo(1);
        }
        assertThat(client.postJson(subscription.url() + "/resume", "{}").status())
                .isEqualTo(200);

        awaitStatuses(withPhone, card, "PICKED_UP", "DELIVERED");
        assertThat(withPhone.about(card)).last().satisfies(r -> {
            assertThat(r.verifiedBy()).containsExactly(true);
            assertThat(r.event().get("data").get("phone").isNull())
                    .as("an erased phone")
                    .isTrue();
        });
    }

    private List<String> bodies(String card) throws SQLException {
        Pipeline.Database database = pipeline.database();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement select =
                        connection.prepareStatement("SELECT body FROM notifier.delivery WHERE card_id = ?")) {
            select.setString(1, card);
            List<String> bodies = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        }
    }

    /**
     * Puts a card's status straight on {@code card.status}, as the fold writes it once ingest seals phones: what the
     * notifier reads is what this test is about, not how the phone got sealed.
     */
    private void publishStatus(CardState state) throws Exception {
        CardStatus status = state.toStatus(ReasonMappingFile.shippedDefault(), Instant.now());
        try (KafkaProducer<String, CardStatus> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", pipeline.bootstrapServers()),
                new StringSerializer(),
                new JsonSerde<>(CardStatus.class).serializer())) {
            producer.send(new ProducerRecord<>(Topics.STATUS, status.cardId(), status))
                    .get();
        }
    }

    private static CardEvent sealedEvent(EventType type, String card, @Nullable String sealedPhone, String at) {
        return CardEvent.of(
                type,
                card,
                sealedPhone,
                Instant.parse(at),
                null,
                UUID.randomUUID().toString(),
                EventSource.api("default", "notifier-test"));
    }

    private static Map<String, List<String>> lastOf(Map<String, List<String>> statuses) {
        return statuses.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> List.of(e.getValue().get(e.getValue().size() - 1)),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    @Test
    void aReceiverDownForTwoMinutesGetsEverythingBackAndAHangingOneDelaysNoOther() throws IOException {
        WebhookReceiver down = receiver();
        WebhookReceiver hanging = receiver();
        WebhookReceiver healthy = receiver();
        Subscribed downSubscription = subscribe(pipeline.notifierUrl(), down, "{\"url\":\"%s\"}");
        subscribe(pipeline.notifierUrl(), hanging, "{\"url\":\"%s\"}");
        subscribe(pipeline.notifierUrl(), healthy, "{\"url\":\"%s\"}");
        down.stop();
        hanging.hang();
        Instant wentDown = Instant.now();
        List<String> cards = List.of(card(), card(), card(), card(), card(), card());

        // more cards than the hanging subscription has slots, each holding one for the whole timeout
        events(cards, "PICKED_UP", "2024-03-01T08:00:00Z");
        awaitStatuses(healthy, cards, "PICKED_UP");
        events(cards, "DELIVERY_EXCEPTION", "2024-03-01T12:00:00Z");
        awaitStatuses(healthy, cards, "PICKED_UP", "DELIVERY_EXCEPTION");
        assertThat(hanging.received()).as("the hanging receiver was called").isNotEmpty();

        Duration left = Duration.ofMinutes(2).minus(Duration.between(wentDown, Instant.now()));
        Duration outage = left.isNegative() ? Duration.ofSeconds(1) : left;
        await().during(outage)
                .atMost(outage.plusSeconds(30))
                .untilAsserted(() -> assertThat(client.get(downSubscription.url())
                                .body()
                                .get("state")
                                .asString())
                        .as("retried, not paused, while down")
                        .isEqualTo("active"));
        down.start();

        awaitStatuses(down, cards, "PICKED_UP", "DELIVERY_EXCEPTION");
        assertThat(down.received()).allSatisfy(r -> assertThat(r.verifiedBy()).containsExactly(true));
        for (WebhookReceiver receiver : List.of(down, hanging)) {
            Map<String, List<String>> idsPerChange = receiver.received().stream()
                    .collect(Collectors.groupingBy(
                            r -> r.card() + " " + r.status(),
                            Collectors.mapping(WebhookReceiver.Received::webhookId, Collectors.toList())));
            assertThat(idsPerChange.values())
                    .as("a change sent again has the same webhook-id")
                    .allSatisfy(ids -> assertThat(ids).containsOnly(ids.get(0)));
        }
    }

    @Test
    void aSubscriptionFailingForTheRetryHorizonIsPausedAndItsBacklogDeliveredOnResume() throws IOException {
        try (ConfigurableApplicationContext notifier = pipeline.startAnother(
                StatusNotifierApplication.application(), Pipeline.notifierArgs("notifier_horizon", "8s"))) {
            WebhookReceiver failing = receiver();
            failing.answer(503);
            Subscribed subscription = subscribe(Pipeline.url(notifier), failing, "{\"url\":\"%s\"}");
            List<String> cards = List.of(card(), card());

            events(cards, "PICKED_UP", "2024-03-01T08:00:00Z");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode state = client.get(subscription.url()).body();
                assertThat(state.get("state").asString()).isEqualTo("paused");
                assertThat(state.get("paused_reason").asString()).contains("retry horizon", "answered 503");
            });
            failing.answer(204);
            int calls = failing.received().size();
            events(cards, "DELIVERY_EXCEPTION", "2024-03-01T12:00:00Z");
            client.awaitNotifierIdle("status-notifier-horizon");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(failing.received()).as("nothing sent while paused").hasSize(calls);
                assertThat(client.get(subscription.url()).body().get("backlog").asInt())
                        .isEqualTo(4);
            });

            assertThat(client.postJson(subscription.url() + "/resume", "{}").status())
                    .isEqualTo(200);

            awaitStatuses(failing, cards, "PICKED_UP", "DELIVERY_EXCEPTION");
            assertThat(client.get(subscription.url())
                            .body()
                            .get("last_attempts")
                            .get(0)
                            .get("status_code")
                            .asInt())
                    .isEqualTo(204);
        }
    }

    @Test
    void signsWithBothSecretsDuringARotationsOverlapAndSendsATestEvent() throws IOException {
        WebhookReceiver receiver = receiver();
        Subscribed subscription = subscribe(pipeline.notifierUrl(), receiver, "{\"url\":\"%s\"}");

        PipelineClient.Answer rotated = client.postJson(subscription.url() + "/rotate-secret", "{}");
        String newSecret = rotated.body().get("secret").asString();
        receiver.trust(newSecret);
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(subscription.secret());
        assertThat(rotated.body().get("previous_secret_valid_until").asString()).isNotBlank();

        PipelineClient.Answer test = client.postJson(subscription.url() + "/test", "{}");
        assertThat(test.body().get("status_code").asInt()).isEqualTo(204);
        String card = card();
        event(card, "PICKED_UP", "2024-03-01T08:00:00Z", null);
        awaitStatuses(receiver, card, "PICKED_UP");

        assertThat(receiver.received())
                .anySatisfy(r -> assertThat(r.event().get("type").asString()).isEqualTo("com.zywa.card.test"))
                .allSatisfy(r -> {
                    assertThat(r.signatures()).isEqualTo(2);
                    assertThat(r.verifiedBy()).as("old and new secret").containsExactly(true, true);
                });
    }

    @Test
    void replayingTheStatusTopicOrRebuildingItsRecordsDeliversNothing() throws Exception {
        WebhookReceiver receiver = receiver();
        subscribe(pipeline.notifierUrl(), receiver, "{\"url\":\"%s\"}");
        List<String> cards = List.of(card(), card());
        events(cards, "PICKED_UP", "2024-03-01T08:00:00Z");
        awaitStatuses(receiver, cards, "PICKED_UP");
        events(cards, "DELIVERY_EXCEPTION", "2024-03-01T12:00:00Z");
        awaitStatuses(receiver, cards, "PICKED_UP", "DELIVERY_EXCEPTION");
        client.awaitNotifierIdle("status-notifier");
        int before = receiver.received().size();

        readTheStatusTopicAgainFromTheStart();
        republishWithNewVersions(cards);
        client.awaitNotifierIdle("status-notifier");

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(receiver.received())
                        .as("no webhook for what did not change")
                        .hasSize(before));
    }

    /** Stops the notifier's consumer, moves its group back to the start of card.status, and starts it again. */
    private void readTheStatusTopicAgainFromTheStart() throws Exception {
        MessageListenerContainer container =
                pipeline.notifier.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("status-notifier");
        container.stop();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new LinkedHashMap<>();
            admin.describeTopics(List.of(Topics.STATUS))
                    .allTopicNames()
                    .get()
                    .get(Topics.STATUS)
                    .partitions()
                    .forEach(
                            p -> start.put(new TopicPartition(Topics.STATUS, p.partition()), new OffsetAndMetadata(0)));
            // the group must be empty first: its member leaves when the container stops
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> admin.alterConsumerGroupOffsets("status-notifier", start)
                                    .all()
                                    .get()
                            == null);
        } finally {
            container.start();
        }
    }

    /** The cards' current statuses written again as a rebuilt fold would: new versions and as_of, same content. */
    private void republishWithNewVersions(List<String> cards) {
        TopicReader topic = new TopicReader(pipeline);
        Map<String, ConsumerRecord<byte[], byte[]>> latest = topic
                .read(
                        Topics.STATUS,
                        r -> r.key() != null && cards.contains(new String(r.key(), StandardCharsets.UTF_8)))
                .stream()
                .collect(Collectors.toMap(
                        r -> new String(r.key(), StandardCharsets.UTF_8), Function.identity(), (a, b) -> b));
        List<ProducerRecord<byte[], byte[]>> rebuilt = new ArrayList<>();
        latest.forEach((card, record) -> {
            ObjectNode status = (ObjectNode) Json.MAPPER.readTree(record.value());
            status.put("version", status.get("version").asLong() + 1000);
            status.put("as_of", Instant.now().toString());
            rebuilt.add(new ProducerRecord<>(Topics.STATUS, record.key(), Json.MAPPER.writeValueAsBytes(status)));
        });
        assertThat(rebuilt).hasSize(cards.size());
        topic.writeInOneTransaction(rebuilt);
    }

    private WebhookReceiver receiver() throws IOException {
        WebhookReceiver receiver = WebhookReceiver.start(ChildJvm.freePort());
        receivers.add(receiver);
        return receiver;
    }

    /** Creates a subscription on the notifier at {@code notifierUrl} for {@code receiver}, which then trusts its secret. */
    private Subscribed subscribe(String notifierUrl, WebhookReceiver receiver, String json) {
        PipelineClient.Answer created =
                client.postJson(notifierUrl + "/api/v1/subscriptions", json.formatted(receiver.url()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String url = notifierUrl + "/api/v1/subscriptions/"
                + created.body().get("id").asString();
        if (notifierUrl.equals(pipeline.notifierUrl())) {
            subscriptions.add(url); // a notifier of its own is closed with its subscriptions by its test
        }
        String secret = created.body().get("secret").asString();
        receiver.trust(secret);
        assertThat(client.get(url).body().has("secret"))
                .as("the secret is shown once")
                .isFalse();
        return new Subscribed(url, secret);
    }

    private static String card() {
        return "ZYWN" + ProcessHandle.current().pid() % 10_000 + "-" + CARDS.incrementAndGet();
    }

    private void event(String card, String type, String at, String phone) {
        String json = "{\"type\":\"" + type + "\",\"card_id\":\"" + card + "\",\"occurred_at\":\"" + at + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}";
        assertThat(client.postJson(pipeline.ingestUrl() + "/events", json).status())
                .isEqualTo(200);
    }

    /** One event of {@code type} for each card, in one request (one topic, so folded in this order). */
    private void events(List<String> cards, String type, String at) {
        String json = cards.stream()
                .map(card -> "{\"type\":\"" + type + "\",\"card_id\":\"" + card + "\",\"occurred_at\":\"" + at + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(client.postJson(pipeline.ingestUrl() + "/events", json).status())
                .isEqualTo(200);
    }

    private static void awaitStatuses(WebhookReceiver receiver, String card, String... statuses) {
        awaitStatuses(receiver, List.of(card), statuses);
    }

    /** Waits until each card's distinct webhooks at {@code receiver} had exactly {@code statuses}, in this order. */
    private static void awaitStatuses(WebhookReceiver receiver, List<String> cards, String... statuses) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        cards.forEach(card -> expected.put(card, List.of(statuses)));
        await().atMost(DELIVERED_SOON)
                .untilAsserted(() -> assertThat(receiver.statusesByCard(cards)).isEqualTo(expected));
    }
}
