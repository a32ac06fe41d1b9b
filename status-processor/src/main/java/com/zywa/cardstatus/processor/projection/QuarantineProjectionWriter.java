package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardQuarantine;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.TopicSettings;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Writes each card's owner and quarantined events (contract §11.1) from committed {@link Topics#QUARANTINE} records
 * to {@code card_quarantine} (V8), the newest version per card winning, so ops can list them. An unreadable record is
 * skipped with a warning (the next change of its card writes the card again); a database failure fails the batch,
 * retried like the projection's.
 */
@Component
class QuarantineProjectionWriter {

    private static final Logger log = LoggerFactory.getLogger(QuarantineProjectionWriter.class);

    private static final String UPSERT = """
            INSERT INTO card_quarantine (card_id, owner, version, as_of, events, updated_at)
            VALUES (?, ?, ?, ?, CAST(? AS JSONB), now())
            ON CONFLICT (card_id) DO UPDATE SET owner = EXCLUDED.owner, version = EXCLUDED.version,
                as_of = EXCLUDED.as_of, events = EXCLUDED.events, updated_at = EXCLUDED.updated_at
            WHERE card_quarantine.version < EXCLUDED.version
            """;

    private final JdbcTemplate jdbc;

    QuarantineProjectionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(
            id = "quarantine-projection",
            groupId = "status-quarantine",
            topics = Topics.QUARANTINE,
            batch = "true",
            concurrency = "${spring.kafka.listener.concurrency:#{@'" + TopicSettings.BEAN + "'.partitions()}}",
            properties =
                    "spring.deserializer.value.delegate.class=com.zywa.cardstatus.contract.CardQuarantineDeserializer")
    void write(List<ConsumerRecord<String, CardQuarantine>> records) {
        Map<String, CardQuarantine> newest = new LinkedHashMap<>();
        for (ConsumerRecord<String, CardQuarantine> record : records) {
            if (record.value() == null) {
                log.warn(
                        "Unreadable {} record at partition {} offset {}: skipped",
                        Topics.QUARANTINE,
                        record.partition(),
                        record.offset());
            } else {
                newest.merge(record.value().cardId(), record.value(), (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        List<Object[]> rows = newest.values().stream()
                .map(card -> new Object[] {
                    card.cardId(),
                    card.owner(),
                    card.version(),
                    card.asOf() == null ? null : Timestamp.from(card.asOf()),
                    Json.MAPPER.writeValueAsString(card.events())
                })
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(UPSERT, rows);
        }
    }
}
