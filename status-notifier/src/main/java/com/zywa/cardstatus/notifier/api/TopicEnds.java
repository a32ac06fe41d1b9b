package com.zywa.cardstatus.notifier.api;

import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.subscription.StartOffsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Where a new subscription starts: the last stable offset of every partition of the status topics that exist now
 * (what a read-committed consumer would read up to), so it is sent what changes from now on and nothing before.
 */
@Component
class TopicEnds {

    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaAdmin admin;
    private final List<String> topics;

    TopicEnds(KafkaAdmin admin, NotifierSettings settings) {
        this.admin = admin;
        this.topics = List.of(settings.statusTopic(), settings.stalledTopic());
    }

    StartOffsets now() {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            Set<String> existing = client.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            client.describeTopics(topics.stream().filter(existing::contains).toList())
                    .allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((name, description) -> description
                            .partitions()
                            .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<String, Map<Integer, Long>> ends = new HashMap<>();
            client.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.computeIfAbsent(partition.topic(), t -> new HashMap<>())
                            .put(partition.partition(), info.offset()));
            return new StartOffsets(ends);
        } catch (ExecutionException | TimeoutException e) {
            throw SubscriptionException.unavailable(
                    "kafka_unavailable", "Kafka cannot be reached to find where the subscription starts; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SubscriptionException.unavailable("kafka_unavailable", "interrupted while asking Kafka");
        }
    }
}
