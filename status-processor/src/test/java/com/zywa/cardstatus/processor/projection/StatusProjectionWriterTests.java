package com.zywa.cardstatus.processor.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import com.zywa.cardstatus.contract.ActionRequired;
import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.processor.deadletter.DeadLetterWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

class StatusProjectionWriterTests {

    private final FakeRepository repository = new FakeRepository();
    private final MockProducer<byte[], byte[]> dlt =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final ProjectionHealth health = new ProjectionHealth();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StatusProjectionWriter writer = new StatusProjectionWriter(
            repository,
            new ProjectionDeadLetters(new DeadLetterWriter(new KafkaTemplate<>(new MockProducerFactory<>(() -> dlt)))),
            health,
            meters);

    @Test
    void writesEveryReadableRecordAroundAnUnreadableOneAndSetsThatOneAside() {
        writer.write(List.of(record(0, status("ZYW1", 1)), unreadable(1, "garbage"), record(2, status("ZYW2", 1))));

        assertThat(repository.written).extracting(CardStatus::cardId).containsExactly("ZYW1", "ZYW2");
        ProducerRecord<byte[], byte[]> dead = dlt.history().get(0);
        assertThat(dlt.history()).hasSize(1);
        assertThat(dead.topic()).isEqualTo(Topics.STATUS_DLT);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).startsWith("unreadable: ");
        assertThat(dead.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER))
                .isNull();
    }

    @Test
    void writesTheRestOfABatchWhenTheDatabaseRefusesOneRowAndSetsThatRowAsideWithoutItsValues() {
        repository.refuse = "ZYW2";

        writer.write(List.of(record(0, status("ZYW1", 1)), record(1, status("ZYW2", 1)), record(2, status("ZYW3", 1))));

        assertThat(repository.written).extracting(CardStatus::cardId).containsExactly("ZYW1", "ZYW3");
        ProducerRecord<byte[], byte[]> dead = dlt.history().get(0);
        assertThat(dlt.history()).hasSize(1);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("ZYW2");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .isEqualTo(
                        "refused by the database: SQLState 22021: ERROR: invalid byte sequence for encoding \"…\": 0x00")
                .doesNotContain("971");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void keepsOnlyTheNewestVersionOfEachCardInABatch() {
        writer.write(List.of(record(0, status("ZYW1", 2)), record(1, status("ZYW1", 3)), record(2, status("ZYW1", 1))));

        assertThat(repository.written).extracting(CardStatus::version).containsExactly(3L);
    }

    @Test
    void countsTheRowsTheVersionGuardSkipped() {
        repository.skip = 1;

        writer.write(List.of(record(0, status("ZYW1", 1)), record(1, status("ZYW2", 1))));

        assertThat(meters.counter("cardstatus.projection.skipped").count()).isEqualTo(1);
    }

    @Test
    void showsWhenItLastWroteABatchInEpochSeconds() {
        assertThat(meters.get("cardstatus.projection.last.write").timeGauge().value())
                .isNaN();

        writer.write(List.of(record(0, status("ZYW1", 1))));

        assertThat(meters.get("cardstatus.projection.last.write").timeGauge().value())
                .isCloseTo(Instant.now().getEpochSecond(), within(5.0));
    }

    @Test
    void failsTheBatchWhileTheDatabaseIsDownReportingTheProjectionDownUntilItWritesAgain() {
        repository.down = true;

        assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
                .isThrownBy(() -> writer.write(List.of(record(0, status("ZYW1", 1)))));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(dlt.history()).isEmpty();

        repository.down = false;
        writer.write(List.of(record(0, status("ZYW1", 1))));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    /** Stands in for PostgreSQL: refuses statements holding one card, as PostgreSQL refuses a NUL byte. */
    private static final class FakeRepository extends StatusProjectionRepository {

        final List<CardStatus> written = new ArrayList<>();
        String refuse;
        int skip;
        boolean down;

        FakeRepository() {
            super(null, null);
        }

        @Override
        int upsert(List<CardStatus> statuses) {
            if (down) {
                throw new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new SQLException("Connection refused", "08001"));
            }
            if (statuses.stream().anyMatch(status -> status.cardId().equals(refuse))) {
                throw new DataIntegrityViolationException(
                        "PreparedStatementCallback",
                        new SQLException(
                                "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00\n  Where: parameter $4 = '+971534534534'",
                                "22021"));
            }
            written.addAll(statuses);
            return statuses.size() - skip;
        }
    }

    private static ConsumerRecord<String, CardStatus> record(long offset, CardStatus status) {
        return new ConsumerRecord<>(Topics.STATUS, 0, offset, status.cardId(), status);
    }

    private static ConsumerRecord<String, CardStatus> unreadable(long offset, String bytes) {
        RecordHeaders headers = new RecordHeaders();
        byte[] data = bytes.getBytes(StandardCharsets.UTF_8);
        SerializationUtils.deserializationException(
                headers,
                data,
                new DeserializationException("failed to deserialize", data, false, new IllegalStateException("bad")),
                false);
        return new ConsumerRecord<>(
                Topics.STATUS,
                0,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                "ZYWX",
                null,
                headers,
                Optional.empty());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static CardStatus status(String card, long version) {
        return new CardStatus(
                card,
                EventType.PICKED_UP,
                Instant.parse("2023-11-12T19:59:00Z"),
                "+971534534534",
                "picked up",
                null,
                null,
                null,
                ActionRequired.NONE,
                0,
                0,
                "default",
                version,
                Instant.parse("2023-11-12T20:00:00Z"),
                List.of());
    }
}
