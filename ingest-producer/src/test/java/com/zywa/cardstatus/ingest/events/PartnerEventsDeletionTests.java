package com.zywa.cardstatus.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zywa.cardstatus.ingest.IngestMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeleteRecordsResult;
import org.apache.kafka.clients.admin.DeletedRecords;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What ingest deletes from the partner topics (contract §12): every partition of a topic it reads up to its group's
 * committed offset, nothing of another topic, nothing again while the offset has not moved; a failed run is counted.
 */
class PartnerEventsDeletionTests {

    private static final TopicPartition SHARED = new TopicPartition("partner.events", 0);
    private static final TopicPartition OWN = new TopicPartition("partner.events.default", 1);
    private static final TopicPartition OTHER = new TopicPartition("card.delivered", 0);

    private final Admin admin = mock(Admin.class);
    private final IngestMetrics metrics = mock(IngestMetrics.class);
    private final PartnerEventsDeletion deletion =
            new PartnerEventsDeletion(admin, new PartnerTopics(Set.of("default"), true), metrics);

    @Test
    void deletesEachPartitionOfItsTopicsUpToTheCommittedOffsetAndOnlyWhenItMoved() throws Exception {
        committed(Map.of(SHARED, 7L, OWN, 3L, OTHER, 9L));
        ArgumentCaptor<Map<TopicPartition, RecordsToDelete>> asked = deletes();

        assertThat(deletion.deleteConsumed()).isEqualTo(2);
        assertThat(asked.getValue()).containsOnlyKeys(SHARED, OWN);
        assertThat(asked.getValue().get(SHARED).beforeOffset()).isEqualTo(7L);
        assertThat(asked.getValue().get(OWN).beforeOffset()).isEqualTo(3L);

        assertThat(deletion.deleteConsumed()).as("nothing consumed since").isZero();
        committed(Map.of(SHARED, 9L, OWN, 3L));
        assertThat(deletion.deleteConsumed()).isEqualTo(1);
        verify(admin, times(2)).deleteRecords(anyMap());
        assertThat(asked.getValue()).containsOnlyKeys(SHARED);
    }

    @Test
    void aRunKafkaFailsIsCountedAndTriedAgainLater() {
        when(admin.listConsumerGroupOffsets(anyString())).thenThrow(new TimeoutException("no broker"));

        deletion.run();
        deletion.run();

        verify(metrics, times(2)).partnerEventsDeleteFailed();
        verify(admin, never()).deleteRecords(anyMap());
    }

    private void committed(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
        ListConsumerGroupOffsetsResult result = mock(ListConsumerGroupOffsetsResult.class);
        when(result.partitionsToOffsetAndMetadata()).thenReturn(KafkaFuture.completedFuture(committed));
        when(admin.listConsumerGroupOffsets(PartnerEventsTopicConfig.GROUP)).thenReturn(result);
    }

    @SuppressWarnings("unchecked")
    private ArgumentCaptor<Map<TopicPartition, RecordsToDelete>> deletes() {
        ArgumentCaptor<Map<TopicPartition, RecordsToDelete>> asked = ArgumentCaptor.forClass(Map.class);
        when(admin.deleteRecords(asked.capture())).thenAnswer(call -> {
            Map<TopicPartition, KafkaFuture<DeletedRecords>> done = new HashMap<>();
            call.<Map<TopicPartition, RecordsToDelete>>getArgument(0)
                    .forEach((partition, upTo) ->
                            done.put(partition, KafkaFuture.completedFuture(new DeletedRecords(upTo.beforeOffset()))));
            DeleteRecordsResult result = mock(DeleteRecordsResult.class);
            when(result.lowWatermarks()).thenReturn(done);
            return result;
        });
        return asked;
    }
}
