package com.zywa.cardstatus.notifier.intake;

import static com.zywa.cardstatus.contract.SafeMessages.rootCause;

import com.zywa.cardstatus.notifier.subscription.Subscription;
import com.zywa.cardstatus.notifier.subscription.SubscriptionRepository;
import com.zywa.cardstatus.notifier.webhook.Change;
import com.zywa.cardstatus.notifier.webhook.EventKind;
import com.zywa.cardstatus.notifier.webhook.Webhook;
import com.zywa.cardstatus.notifier.webhook.Webhooks;
import com.zywa.cardstatus.support.TopicSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads committed changes in batches and enqueues the webhooks every subscription (paused ones too: their backlog is
 * kept) is owed for them, in one database transaction; the listener returns only after it committed, and only then
 * are the batch's offsets committed (at least once). A record that is not a readable change is counted and skipped:
 * it stays in Kafka (the projection sets unreadable statuses aside on {@code card.status.DLT}).
 */
@Component
class ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);

    private final ChangeTopics topics;
    private final SubscriptionRepository subscriptions;
    private final Webhooks webhooks;
    private final WebhookQueue queue;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Counter unreadable;

    ChangeListener(
            ChangeTopics topics,
            SubscriptionRepository subscriptions,
            Webhooks webhooks,
            WebhookQueue queue,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.queue = queue;
        this.transaction = transaction;
        this.events = events;
        this.unreadable = Counter.builder("cardstatus.notifier.unreadable")
                .description("Records of the status topics the notifier could not read as a change, skipped")
                .register(meters);
    }

    // the consumer group is spring.kafka.consumer.group-id (idIsGroup = false), so two notifiers can be told apart;
    // one consumer per card.status partition (cardstatus.topics.partitions) unless set otherwise
    @KafkaListener(
            id = "status-notifier",
            idIsGroup = false,
            topicPattern = "#{@changeTopics.pattern()}",
            batch = "true",
            concurrency = "${spring.kafka.listener.concurrency:#{@'" + TopicSettings.BEAN + "'.partitions()}}")
    void read(List<ConsumerRecord<String, byte[]>> records) {
        List<Subscription> all = subscriptions.all();
        if (all.isEmpty()) {
            return; // nobody to tell: not even worth reading the records
        }
        List<Webhook> owed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventKind kind = Objects.requireNonNull(topics.kindOf(record.topic()), record.topic());
            for (Change change : read(record, kind)) {
                for (Subscription subscription : all) {
                    webhooks.owed(subscription, change).ifPresent(owed::add);
                }
            }
        }
        Integer enqueued;
        try {
            enqueued = transaction.execute(status -> queue.enqueue(owed));
        } catch (RuntimeException e) {
            log.warn("enqueueing {} webhooks failed, the batch is read again: {}", owed.size(), rootCause(e));
            throw e;
        }
        if (enqueued != null && enqueued > 0) {
            events.publishEvent(new WebhooksEnqueued(enqueued));
        }
    }

    private List<Change> read(ConsumerRecord<String, byte[]> record, EventKind kind) {
        try {
            return ChangeReader.read(record, kind).stream().toList();
        } catch (ChangeReader.UnreadableRecordException e) {
            unreadable.increment();
            log.warn(
                    "skipped record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return List.of();
        }
    }
}
