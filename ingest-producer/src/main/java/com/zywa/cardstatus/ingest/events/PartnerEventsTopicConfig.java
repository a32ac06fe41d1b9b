package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.ingest.IngestMetrics;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.support.TopicSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listener container of {@code partner.events}, the way spring-kafka documents exactly-once
 * consume-transform-produce: a read-committed consumer without auto-commit, and a {@link KafkaTransactionManager}
 * (Spring Boot's, on the producer factory of every ingest transaction) that begins a transaction per poll, in which
 * the listener's sends and the consumed offsets commit together. Records are read as bytes, so no value can fail
 * deserialization; a record that is no valid event is a rejection, never an exception. Only a failing Kafka
 * aborts the transaction: the batch is then redelivered every second until Kafka takes it (never skipped).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PartnerEventsTopicConfig {

    static final String GROUP = "ingest-partner-events";

    /** The inbound topics the listener reads ({@code #{@partnerTopics.names()}}), contract §11.3. */
    @Bean
    PartnerTopics partnerTopics(Partners partners, PartnerTopicSettings settings) {
        return new PartnerTopics(partners.names(), settings.shared());
    }

    /** Each configured partner's own topic, created at start when missing, like the pipeline's other topics. */
    @Bean
    KafkaAdmin.NewTopics partnerOwnTopics(PartnerTopics topics, TopicSettings settings) {
        return new KafkaAdmin.NewTopics(topics.partnerByTopic().values().stream()
                .map(settings::partnerTopic)
                .toArray(NewTopic[]::new));
    }

    /** Kafka's admin client for {@link PartnerEventsDeletion}, with the connection settings of every other client. */
    @Bean(destroyMethod = "close")
    Admin partnerEventsAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    PartnerEventsDeletion partnerEventsDeletion(Admin partnerEventsAdmin, PartnerTopics topics, IngestMetrics metrics) {
        return new PartnerEventsDeletion(partnerEventsAdmin, topics, metrics);
    }

    /** What ingest consumed is deleted every {@code cardstatus.ingest.partner-events-delete-interval}. */
    @Bean
    SchedulingConfigurer partnerEventsDeletionSchedule(
            PartnerEventsDeletion deletion, PartnerEventsDeletionSettings settings) {
        Duration interval = settings.partnerEventsDeleteInterval();
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(deletion::run, interval, interval));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> partnerEventsContainerFactory(
            KafkaProperties properties, KafkaTransactionManager<?, ?> transactions) {
        Map<String, Object> consumer = properties.buildConsumerProperties();
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
        factory.setBatchListener(true);
        factory.getContainerProperties().setKafkaAwareTransactionManager(transactions);
        factory.setAfterRollbackProcessor(
                new DefaultAfterRollbackProcessor<>(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }
}
