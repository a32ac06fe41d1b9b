package com.zywa.cardstatus.processor.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.CardStatus.HistoryEntry;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The replay reads card.status from its start to the end it had at the start, the newest status of each card. */
class StatusReplayTests {

    private static final TopicPartition P0 = new TopicPartition(Topics.STATUS, 0);
    private static final TopicPartition P1 = new TopicPartition(Topics.STATUS, 1);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void readsEveryPartitionToItsEndKeepingEachCardsNewestAndSkippingWhatItCannotRead() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(
                Topics.STATUS,
                List.of(
                        new PartitionInfo(Topics.STATUS, 0, node, new Node[] {node}, new Node[] {node}),
                        new PartitionInfo(Topics.STATUS, 1, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 3L, P1, 1L));

        StatusReplay replay = new StatusReplay(consumer);
        consumer.addRecord(record(P0, 0, status("ZYW1", 1)));
        consumer.addRecord(record(P0, 1, "not a status".getBytes(StandardCharsets.UTF_8)));
        consumer.addRecord(record(P0, 2, status("ZYW1", 2)));
        consumer.addRecord(record(P1, 0, status("ZYW2", 5)));

        assertThat(replay.total()).isEqualTo(4);
        assertThat(replay.done()).isFalse();
        List<CardStatus> read = new ArrayList<>();
        while (!replay.done()) {
            read.addAll(replay.next());
        }
        assertThat(read)
                .extracting(status -> status.cardId() + "@" + status.version())
                .containsExactlyInAnyOrder("ZYW1@2", "ZYW2@5");
        assertThat(replay.unreadable()).isEqualTo(1);
        assertThat(replay.remaining()).isZero();
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset, byte[] value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "key", value);
    }

    private static byte[] status(String card, long version) {
        Instant at = Instant.parse("2023-11-11T23:45:00Z");
        return Json.MAPPER.writeValueAsBytes(new CardStatus(
                card,
                EventType.PICKED_UP,
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                version,
                null,
                List.of(HistoryEntry.of(EventType.PICKED_UP, at, null))));
    }
}
