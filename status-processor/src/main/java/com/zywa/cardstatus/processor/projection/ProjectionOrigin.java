package com.zywa.cardstatus.processor.projection;

import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.errors.Failures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before the fold and the projection writer start, checks that the projection continues the {@link KafkaHistory} it
 * was built from. An empty projection adopts the Kafka it finds; on another history (Kafka wiped or replaced) the
 * processor refuses to start ({@link OtherKafkaHistoryException}), unless {@value #REBUILD_PROPERTY} is true, which
 * empties the projection so that it is rebuilt from the new history.
 */
@Component
class ProjectionOrigin implements SmartLifecycle {

    static final String REBUILD_PROPERTY = ProjectionSettings.REBUILD_PROPERTY;
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(ProjectionOrigin.class);

    private final KafkaAdmin kafka;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionGenerations generations;
    private final boolean rebuildAllowed;
    private volatile boolean running;

    ProjectionOrigin(
            KafkaAdmin kafka,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ProjectionGenerations generations,
            ProjectionSettings settings) {
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.generations = generations;
        this.rebuildAllowed = settings.rebuildOnNewKafka();
    }

    @Override
    public void start() {
        KafkaHistory found = found();
        KafkaHistory remembered = jdbc
                .query(
                        "SELECT cluster_id, status_topic_id FROM projection_origin",
                        (rs, n) -> new KafkaHistory(rs.getString(1), rs.getString(2)))
                .stream()
                .findFirst()
                .orElse(null);
        boolean empty =
                !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM card_status)", Boolean.class));
        switch (KafkaHistory.decide(remembered, found, empty, rebuildAllowed)) {
            case CONTINUE -> log.debug("the projection continues Kafka history {}", found);
            case ADOPT -> {
                adopt(found);
                log.info(
                        "the projection is built from Kafka cluster {} ({} topic ID {}){}",
                        found.clusterId(),
                        Topics.STATUS,
                        found.statusTopicId(),
                        remembered == null && !empty
                                ? "; it held statuses from before origins were kept, taken to be from this cluster"
                                : "");
            }
            case REBUILD -> {
                transactions.executeWithoutResult(status -> {
                    jdbc.execute("TRUNCATE " + generations.currentTable());
                    adopt(found);
                });
                log.warn(
                        "{}=true: the projection built from Kafka cluster {} ({} topic ID {}) was emptied and is "
                                + "rebuilt from cluster {} (topic ID {}); lookups answer 404 for cards not yet rebuilt",
                        REBUILD_PROPERTY,
                        remembered.clusterId(),
                        Topics.STATUS,
                        remembered.statusTopicId(),
                        found.clusterId(),
                        found.statusTopicId());
            }
            case REFUSE -> throw new OtherKafkaHistoryException(remembered, found);
        }
        running = true;
    }

    private void adopt(KafkaHistory history) {
        jdbc.update(
                "INSERT INTO projection_origin (cluster_id, status_topic_id) VALUES (?, ?) ON CONFLICT (singleton) "
                        + "DO UPDATE SET cluster_id = EXCLUDED.cluster_id, status_topic_id = EXCLUDED.status_topic_id, "
                        + "adopted_at = now()",
                history.clusterId(),
                history.statusTopicId());
    }

    /** The cluster this processor talks to, and the generation of its {@code card.status} topic. */
    private KafkaHistory found() {
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            return read(admin, KAFKA_TIMEOUT);
        }
    }

    /**
     * Reads the cluster's ID and the {@code card.status} topic's ID. Right after the topics are created, a broker of
     * a cluster of several may not know the topic yet (metadata reaches the brokers asynchronously) and answers
     * "unknown topic": Kafka's retriable errors are retried with back-off until {@code timeout}; others fail at once.
     */
    static KafkaHistory read(Admin admin, Duration timeout) {
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .predicate(failure -> Failures.kind(failure) == Failures.Kind.RETRIABLE)
                .maxRetries(Long.MAX_VALUE)
                .delay(Duration.ofMillis(100))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(2))
                .timeout(timeout)
                .build());
        try {
            return retry.execute(() -> {
                String cluster = admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                String topicId = admin.describeTopics(List.of(Topics.STATUS))
                        .allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .get(Topics.STATUS)
                        .topicId()
                        .toString();
                return new KafkaHistory(cluster, topicId);
            });
        } catch (RetryException e) {
            if (e.getLastException() instanceof InterruptedException
                    || Thread.currentThread().isInterrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the Kafka cluster's ID", e);
            }
            throw new IllegalStateException(
                    "cannot read the Kafka cluster's ID and the " + Topics.STATUS
                            + " topic's ID (attempts: " + (e.getRetryCount() + 1)
                            + "), needed to check the projection was "
                            + "built from this Kafka",
                    e.getLastException());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before everything that reads Kafka or serves requests. */
    @Override
    public int getPhase() {
        return 0;
    }
}
