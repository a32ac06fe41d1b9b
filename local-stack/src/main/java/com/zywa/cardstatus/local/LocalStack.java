package com.zywa.cardstatus.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts what the services need on a developer machine, unless the environment points at external ones: a KRaft
 * Kafka broker (or, with {@code LOCAL_KAFKA_BROKERS=3}, a {@link LocalKafkaCluster} of three; with
 * {@code LOCAL_KAFKA_SECURITY=sasl}, one asking for SASL/SCRAM with ACLs, {@link LocalKafkaSecurity}) and a PostgreSQL
 * server with data under {@code .local/}. Writes {@code .local/stack.env} with the
 * connection settings for the services, then runs until stopped (Ctrl-C or SIGTERM), shutting both down cleanly.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(env("LOCAL_DIR", ".local"));
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "local-stack-shutdown"));
        try {
            start(root, started);
        } catch (Exception e) {
            // exit instead of lingering with half-started parts: run-local then reports the failure at once
            log.error(
                    "the local stack could not start: {} (is another ./run-local, or something else on its ports, "
                            + "running?)",
                    e.getMessage(),
                    e);
            System.exit(1);
        }
        log.info("local stack ready");
        new CountDownLatch(1).await();
    }

    private static void start(Path root, List<AutoCloseable> started) throws Exception {
        List<String> settings = new ArrayList<>();

        String kafka = env("SPRING_KAFKA_BOOTSTRAP_SERVERS", "");
        if (kafka.isBlank()) {
            int port = Integer.parseInt(env("LOCAL_KAFKA_PORT", "9092"));
            int brokers = Integer.parseInt(env("LOCAL_KAFKA_BROKERS", "1"));
            String security = env("LOCAL_KAFKA_SECURITY", "");
            if (security.equals("sasl")) {
                if (brokers != 1) {
                    throw new IllegalArgumentException(
                            "LOCAL_KAFKA_SECURITY=sasl runs one broker, not " + brokers + " (LOCAL_KAFKA_BROKERS)");
                }
                List<String> partners = Arrays.stream(
                                env("LOCAL_PARTNERS", "default").split("\\s+"))
                        .filter(name -> !name.isBlank())
                        .distinct()
                        .toList();
                LocalKafkaSecurity sasl = LocalKafkaSecurity.stored(root, partners);
                // its own data: the broker's admin credential is written when its log directory is formatted
                LocalKafka broker = new LocalKafka(root.resolve("kafka-sasl"), port, port + 1, 1, sasl);
                started.add(broker);
                broker.start();
                kafka = broker.bootstrapServers();
                settings.add("SPRING_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT");
                settings.add("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM=" + LocalKafkaSecurity.MECHANISM);
                log.info(
                        "Kafka (KRaft) broker on {} with SASL/SCRAM and ACLs, principals of partners {} in {}, data"
                                + " in {}",
                        kafka,
                        partners,
                        root.resolve("kafka-partners.env"),
                        root.resolve("kafka-sasl"));
            } else if (!security.isBlank()) {
                throw new IllegalArgumentException("LOCAL_KAFKA_SECURITY is 'sasl' or unset, not '" + security + "'");
            } else if (brokers == 1) {
                LocalKafka broker = new LocalKafka(root.resolve("kafka"), port);
                broker.start();
                started.add(broker);
                kafka = broker.bootstrapServers();
                log.info("Kafka (KRaft) broker on {}, data in {}", kafka, root.resolve("kafka"));
            } else {
                LocalKafkaCluster cluster = new LocalKafkaCluster(root.resolve("kafka-cluster"), brokers, port, 1);
                started.add(cluster);
                cluster.start();
                kafka = cluster.bootstrapServers();
                // the services create their topics replicated on three brokers, a write needing two of them
                settings.add("CARDSTATUS_TOPICS_REPLICAS=3");
                settings.add("CARDSTATUS_TOPICS_MININSYNCREPLICAS=2");
                log.info(
                        "Kafka (KRaft) cluster of {} brokers on {}, data in {}",
                        brokers,
                        kafka,
                        root.resolve("kafka-cluster"));
            }
        }
        settings.add("SPRING_KAFKA_BOOTSTRAP_SERVERS=" + kafka);

        if (env("SPRING_DATASOURCE_URL", "").isBlank()) {
            LocalPostgres postgres =
                    new LocalPostgres(root.resolve("postgres"), Integer.parseInt(env("LOCAL_POSTGRES_PORT", "15432")));
            postgres.start();
            started.add(0, postgres);
            postgres.createDatabase("cardstatus", "cardstatus", "cardstatus");
            settings.add("SPRING_DATASOURCE_URL=" + postgres.jdbcUrl("cardstatus"));
            settings.add("SPRING_DATASOURCE_USERNAME=cardstatus");
            settings.add("SPRING_DATASOURCE_PASSWORD=cardstatus");
            log.info("PostgreSQL on {}, data in {}", postgres.jdbcUrl("cardstatus"), postgres.dataDirectory());
        }
        writeSettings(root, settings);
    }

    private static void writeSettings(Path root, List<String> settings) throws IOException {
        Files.createDirectories(root);
        Path file = root.resolve("stack.env");
        Path partial = root.resolve("stack.env.partial");
        Files.write(partial, settings.stream().map(line -> "export " + line).toList());
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void stop(List<AutoCloseable> started) {
        for (AutoCloseable part : started) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        log.info("local stack stopped");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
