package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of the PostgreSQL projection: consumes committed {@link Topics#STATUS} records in batches and
 * upserts the newest status of each card. An unreadable record stops the batch at its index so the error
 * handler can set it aside after everything before it is stored.
 */
@Component
class StatusProjectionWriter {

    private final StatusProjectionRepository repository;

    StatusProjectionWriter(StatusProjectionRepository repository) {
        this.repository = repository;
    }

    @KafkaListener(id = "status-projection", topics = Topics.STATUS, batch = "true")
    @Transactional
    void write(List<ConsumerRecord<String, CardStatus>> records) {
        Map<String, CardStatus> newest = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            CardStatus status = records.get(i).value();
            if (status == null) {
                repository.upsert(newest.values());
                throw new BatchListenerFailedException("unreadable record", new UnreadableRecordException(
                        Topics.STATUS + " record at offset " + records.get(i).offset() + " cannot be read"), i);
            }
            newest.merge(status.cardId(), status, (a, b) -> a.version() >= b.version() ? a : b);
        }
        repository.upsert(newest.values());
    }
}
