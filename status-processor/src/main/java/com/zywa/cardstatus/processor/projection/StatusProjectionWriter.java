package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.TopicSettings;
import com.zywa.cardstatus.support.errors.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one writer of the PostgreSQL projection: consumes committed {@link Topics#STATUS} records in batches and
 * upserts the newest status of each card. Whatever cannot be stored (an unreadable record, a row the database refuses
 * for its content) is set aside on {@link Topics#STATUS_DLT} and the rest of the batch is written; any other failure
 * (database down) fails the whole batch, to be retried with back-off, the projection reported DOWN meanwhile.
 */
@Component
class StatusProjectionWriter {

    private final StatusProjectionRepository repository;
    private final ProjectionDeadLetters deadLetters;
    private final ProjectionHealth health;
    private final Counter skipped;

    StatusProjectionWriter(
            StatusProjectionRepository repository,
            ProjectionDeadLetters deadLetters,
            ProjectionHealth health,
            MeterRegistry meters) {
        this.repository = repository;
        this.deadLetters = deadLetters;
        this.health = health;
        this.skipped = Counter.builder("cardstatus.projection.skipped")
                .description("Status records not written because the stored version was newer or equal")
                .register(meters);
        TimeGauge.builder(
                        "cardstatus.projection.last.write",
                        health,
                        TimeUnit.SECONDS,
                        ProjectionHealth::lastWriteEpochSeconds)
                .description("When the projection last wrote a batch to PostgreSQL (seconds since the epoch)")
                .register(meters);
    }

    /** One writer per {@code card.status} partition ({@code cardstatus.topics.partitions}) unless set otherwise. */
    @KafkaListener(
            id = "status-projection",
            topics = Topics.STATUS,
            batch = "true",
            concurrency = "${spring.kafka.listener.concurrency:#{@'" + TopicSettings.BEAN + "'.partitions()}}")
    void write(List<ConsumerRecord<String, CardStatus>> records) {
        Map<String, ConsumerRecord<String, CardStatus>> newest = new LinkedHashMap<>();
        List<ConsumerRecord<String, CardStatus>> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, CardStatus> record : records) {
            if (record.value() == null) {
                unreadable.add(record);
            } else {
                newest.merge(
                        record.value().cardId(),
                        record,
                        (a, b) -> a.value().version() >= b.value().version() ? a : b);
            }
        }
        try {
            store(List.copyOf(newest.values()));
            unreadable.forEach(deadLetters::unreadable);
        } catch (RuntimeException e) {
            health.failed(e);
            throw e;
        }
        health.written();
    }

    /** Writes the rows in one statement; if the database refuses one for its content, row by row. */
    private void store(List<ConsumerRecord<String, CardStatus>> rows) {
        try {
            skipped.increment(rows.size()
                    - repository.upsert(rows.stream().map(ConsumerRecord::value).toList()));
        } catch (RuntimeException batchFailure) {
            if (Failures.kind(batchFailure) != Failures.Kind.CONTENT_REFUSED) {
                throw batchFailure;
            }
            for (ConsumerRecord<String, CardStatus> row : rows) {
                storeAlone(row);
            }
        }
    }

    private void storeAlone(ConsumerRecord<String, CardStatus> row) {
        try {
            skipped.increment(1 - repository.upsert(List.of(row.value())));
        } catch (RuntimeException failure) {
            if (Failures.kind(failure) != Failures.Kind.CONTENT_REFUSED) {
                throw failure;
            }
            deadLetters.refused(row, Failures.reason(failure));
        }
    }
}
