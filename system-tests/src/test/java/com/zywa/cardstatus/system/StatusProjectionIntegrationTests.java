package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.Reason;
import com.zywa.cardstatus.contract.Responsible;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The projection writer against the real broker and a real PostgreSQL: status records written straight to
 * {@code card.status}, including ones PostgreSQL refuses and ones nobody can read.
 */
@ExtendWith(PipelineExtension.class)
class StatusProjectionIntegrationTests {

    private Pipeline pipeline;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Test
    void writesTheRestOfABatchAndSetsAsideWhatPostgresRefusesOrNobodyCanRead() throws SQLException {
        String good = "PIT-" + run + "-A";
        String refused = "PIT-" + run + "-NUL";
        String unreadable = "PIT-" + run + "-X";
        String after = "PIT-" + run + "-C";

        publish(
                good,
                json(status(good, 10, "fine")),
                refused,
                json(status(refused, 10, "nul\u0000byte")),
                unreadable,
                "not a status".getBytes(StandardCharsets.UTF_8),
                after,
                json(status(after, 10, "fine")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(version(good)).isEqualTo(10);
            assertThat(version(after)).isEqualTo(10);
        });
        assertThat(version(refused)).isNull();
        Map<String, String> reasons = deadLetterReasons(refused, unreadable);
        assertThat(reasons.get(refused))
                .startsWith("refused by the database: SQLState 22")
                .doesNotContain("971");
        assertThat(reasons.get(unreadable)).startsWith("unreadable: ");
    }

    @Test
    void neverLetsAnOlderOrEqualVersionReplaceTheStoredOneAndCountsTheSkips() throws SQLException {
        String card = "PIT-" + run + "-V";
        publish(card, json(status(card, 5, "newest")));
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(5).equals(version(card)));
        double skippedBefore = skipped();

        publish(card, json(status(card, 3, "older")));
        await().atMost(Duration.ofSeconds(60)).until(() -> skipped() >= skippedBefore + 1);
        publish(card, json(status(card, 5, "same version")));

        await().atMost(Duration.ofSeconds(60)).until(() -> skipped() >= skippedBefore + 2);
        assertThat(version(card)).isEqualTo(5);
        assertThat(comment(card)).isEqualTo("newest");
    }

    @Test
    void storesEachStatusOfABatchColumnByColumnWithItsHistoryAsTheTopicCarriesIt() throws SQLException {
        String plain = "PIT-" + run + "-H1";
        String odd = "PIT-" + run + "-H2";
        CardStatus oddStatus = new CardStatus(
                odd,
                EventType.RETURNED,
                Instant.parse("2023-11-14T10:00:00.123Z"),
                null,
                null,
                Reason.OTHER,
                "RT-\"9\"",
                Responsible.UNKNOWN,
                ActionRequired.CONTACT_CARDHOLDER,
                2,
                2,
                "swift",
                3_000_000_000L,
                Instant.parse("2023-11-15T00:00:00.5Z"),
                List.of(
                        CardStatus.HistoryEntry.of(EventType.PICKED_UP, Instant.parse("2023-11-12T10:00:00Z"), null),
                        new CardStatus.HistoryEntry(
                                EventType.DELIVERY_EXCEPTION,
                                Instant.parse("2023-11-13T10:00:00Z"),
                                "quote \" backslash \\ tab \t caf\u00e9 \u20ac \ud83d\ude00 {\"a\":[1]}",
                                Reason.ID_VERIFICATION_FAILED,
                                null,
                                Responsible.RECIPIENT,
                                ActionRequired.CONTACT_CARDHOLDER,
                                "A1",
                                EventSource.kafka("swift", "kafka:partner.events", "partner.events", 1, 7)),
                        CardStatus.HistoryEntry.of(EventType.RETURNED, Instant.parse("2023-11-14T10:00:00.123Z"), "")));

        publish(plain, json(status(plain, 7, "fine")), odd, json(oddStatus));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> column(odd, "version") != null && column(plain, "version") != null);
        assertThat(column(odd, "history::text")).isEqualTo(Json.MAPPER.writeValueAsString(oddStatus.history()));
        assertThat(column(plain, "history::text"))
                .isEqualTo(
                        Json.MAPPER.writeValueAsString(status(plain, 7, "fine").history()));
        assertThat(column(odd, "version")).isEqualTo("3000000000");
        assertThat(column(odd, "delivery_exceptions")).isEqualTo("2");
        assertThat(column(odd, "status || ' ' || (status_at AT TIME ZONE 'UTC')"))
                .isEqualTo("RETURNED 2023-11-14 10:00:00.123");
        assertThat(column(odd, "coalesce(phone, 'none') || coalesce(comment, 'none')"))
                .isEqualTo("nonenone");
        assertThat(column(plain, "comment || ' ' || delivery_exceptions")).isEqualTo("fine 1");
        assertThat(vault().open(column(plain, "phone"))).isEqualTo("+971534534534");
        assertThat(column(
                        odd,
                        "concat_ws(' ', reason, raw_reason, responsible, action_required, attempts, partner, "
                                + "as_of AT TIME ZONE 'UTC')"))
                .isEqualTo("OTHER RT-\"9\" UNKNOWN CONTACT_CARDHOLDER 2 swift 2023-11-15 00:00:00.5");
        assertThat(column(plain, "coalesce(reason, 'none') || ' ' || coalesce(attempts::text, 'none')"))
                .as("a status written before contract §10")
                .isEqualTo("none none");
    }

    @Test
    void sealsAPhoneInClearBeforeWritingItAndNamesEachCardsPhoneKey() throws SQLException {
        String legacy = "PIT-" + run + "-P1";
        String sealed = "PIT-" + run + "-P2";
        String phoneless = "PIT-" + run + "-P3";
        String clearPhone = "+9715" + run.replaceAll("[^0-9]", "1").substring(0, 4) + "0001";
        String sealedPhone =
                vault().seal("+447700900" + run.replaceAll("[^0-9]", "2").substring(0, 3));
        CardStatus before = status(legacy, 2, "from before sealing");
        CardStatus legacyStatus = withPhone(before, clearPhone);

        publish(
                legacy,
                json(legacyStatus),
                sealed,
                json(withPhone(status(sealed, 2, "sealed by ingest"), sealedPhone)),
                phoneless,
                json(withPhone(status(phoneless, 2, "no phone"), null)));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> column(legacy, "version") != null
                        && column(sealed, "version") != null
                        && column(phoneless, "version") != null);
        String stored = column(legacy, "phone");
        assertThat(stored).startsWith(SealedPhones.PHONE_PREFIX).doesNotContain(clearPhone.substring(1));
        assertThat(vault().open(stored)).isEqualTo(clearPhone);
        assertThat(column(legacy, "phone_key_id"))
                .isEqualTo(String.valueOf(SealedPhones.keyId(stored)))
                .isEqualTo(String.valueOf(vault().keyOf(clearPhone).keyId()));
        assertThat(column(sealed, "phone")).isEqualTo(sealedPhone);
        assertThat(column(sealed, "phone_key_id")).isEqualTo(String.valueOf(SealedPhones.keyId(sealedPhone)));
        assertThat(column(phoneless, "coalesce(phone, 'none') || coalesce(phone_key_id::text, 'none')"))
                .isEqualTo("nonenone");
    }

    private PhoneVault vault() {
        return pipeline.processor.getBean(PhoneVault.class);
    }

    private static CardStatus withPhone(CardStatus status, String phone) {
        return new CardStatus(
                status.cardId(),
                status.status(),
                status.statusAt(),
                phone,
                status.comment(),
                status.reason(),
                status.rawReason(),
                status.responsible(),
                status.actionRequired(),
                status.deliveryExceptions(),
                status.attempts(),
                status.partner(),
                status.version(),
                status.asOf(),
                status.stalledSince(),
                status.history());
    }

    private double skipped() {
        return pipeline.processor
                .getBean(MeterRegistry.class)
                .counter("cardstatus.projection.skipped")
                .count();
    }

    private void publish(Object... keysAndValues) {
        Map<String, Object> config = Map.of("bootstrap.servers", pipeline.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                // one partition, so the records reach the writer together, in this order (one batch as a rule)
                producer.send(new ProducerRecord<>(
                        Topics.STATUS, 0, (String) keysAndValues[i], (byte[]) keysAndValues[i + 1]));
            }
        }
    }

    private Map<String, String> deadLetterReasons(String... keys) {
        Map<String, String> reasons = new HashMap<>();
        Map<String, Object> config = Map.of(
                "bootstrap.servers",
                pipeline.bootstrapServers(),
                "group.id",
                "projection-it-" + run,
                "auto.offset.reset",
                "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STATUS_DLT));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var reason = record.headers().lastHeader("kafka_dlt-exception-message");
                    if (reason != null) {
                        reasons.put(record.key(), new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.keySet().containsAll(List.of(keys));
            });
        }
        return reasons;
    }

    private Integer version(String card) throws SQLException {
        String value = column(card, "version");
        return value == null ? null : Integer.valueOf(value);
    }

    private String comment(String card) throws SQLException {
        return column(card, "comment");
    }

    private String column(String card, String column) throws SQLException {
        Pipeline.Database db = pipeline.database();
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement query =
                        connection.prepareStatement("SELECT " + column + " FROM card_status WHERE card_id = ?")) {
            query.setString(1, card);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static byte[] json(CardStatus status) {
        return Json.MAPPER.writeValueAsBytes(status);
    }

    /** A status as the fold wrote it before contract §10: none of its fields. */
    private static CardStatus status(String card, long version, String comment) {
        return StatusRecords.beforeReasons(
                card,
                EventType.DELIVERY_EXCEPTION,
                Instant.parse("2023-11-13T10:00:00Z"),
                "+971534534534",
                comment,
                1,
                version);
    }
}
