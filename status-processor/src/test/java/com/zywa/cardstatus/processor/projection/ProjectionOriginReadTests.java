package com.zywa.cardstatus.processor.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zywa.cardstatus.contract.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

/**
 * Reading the Kafka history the projection must continue: a cluster's broker that does not know the just-created
 * {@code card.status} topic yet is asked again; an error that asking again cannot cure fails at once.
 */
class ProjectionOriginReadTests {

    private static final Uuid TOPIC_ID = Uuid.randomUuid();

    private final Admin admin = mock(Admin.class);

    @Test
    void aTopicTheBrokerDoesNotKnowYetIsAskedForAgain() {
        DescribeTopicsResult unknown = topics(failed(new UnknownTopicOrPartitionException("not yet")));
        DescribeTopicsResult known = topics(KafkaFuture.completedFuture(
                Map.of(Topics.STATUS, new TopicDescription(Topics.STATUS, false, List.of(), Set.of(), TOPIC_ID))));
        clusterAnswers(unknown, unknown, known);

        KafkaHistory history = ProjectionOrigin.read(admin, Duration.ofSeconds(10));

        assertThat(history).isEqualTo(new KafkaHistory("cluster-a", TOPIC_ID.toString()));
        verify(admin, times(3)).describeTopics(anyCollection());
    }

    @Test
    void aTopicStillUnknownAtTheDeadlineFailsWithTheBrokersAnswer() {
        clusterAnswers(topics(failed(new UnknownTopicOrPartitionException("never"))));

        assertThatThrownBy(() -> ProjectionOrigin.read(admin, Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read the Kafka cluster's ID")
                .hasRootCauseInstanceOf(UnknownTopicOrPartitionException.class);
    }

    @Test
    void anErrorAskingAgainCannotCureFailsAtOnce() {
        clusterAnswers(topics(failed(new TopicAuthorizationException("no describe"))));

        assertThatThrownBy(() -> ProjectionOrigin.read(admin, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(attempts: 1)")
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        verify(admin, times(1)).describeTopics(anyCollection());
    }

    /** Cluster "cluster-a"; its describe-topics requests get {@code first}, then {@code then} (the last repeated). */
    private void clusterAnswers(DescribeTopicsResult first, DescribeTopicsResult... then) {
        DescribeClusterResult cluster = mock(DescribeClusterResult.class);
        when(cluster.clusterId()).thenReturn(KafkaFuture.completedFuture("cluster-a"));
        when(admin.describeCluster()).thenReturn(cluster);
        when(admin.describeTopics(anyCollection())).thenReturn(first, then);
    }

    private static DescribeTopicsResult topics(KafkaFuture<Map<String, TopicDescription>> names) {
        DescribeTopicsResult result = mock(DescribeTopicsResult.class);
        when(result.allTopicNames()).thenReturn(names);
        return result;
    }

    private static <T> KafkaFuture<T> failed(Exception cause) {
        KafkaFutureImpl<T> future = new KafkaFutureImpl<>();
        future.completeExceptionally(cause);
        return future;
    }
}
