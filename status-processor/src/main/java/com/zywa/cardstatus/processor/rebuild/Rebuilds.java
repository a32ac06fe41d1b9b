package com.zywa.cardstatus.processor.rebuild;

import com.zywa.cardstatus.processor.projection.ProjectionGenerations;
import com.zywa.cardstatus.processor.topology.FoldReasons;
import com.zywa.cardstatus.support.errors.Failures;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Looks every {@code cardstatus.rebuild.poll-interval} for a rebuild ops requested (or one a dead processor left) and
 * runs it on a thread of its own, one at a time; the fold and the live projection writer go on meanwhile.
 */
@Component
class Rebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final ProjectionGenerations generations;
    private final RebuildSettings settings;
    private final RebuildWorker worker;
    private volatile boolean running;
    private @Nullable Thread thread;

    Rebuilds(
            ProjectionGenerations generations,
            FoldReasons reasons,
            ConsumerFactory<?, ?> consumerFactory,
            RebuildSettings settings,
            MeterRegistry meters) {
        this.generations = generations;
        this.settings = settings;
        Map<String, Object> config = consumerConfig(consumerFactory.getConfigurationProperties(), settings);
        this.worker = new RebuildWorker(
                generations,
                reasons,
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                new RebuildMetrics(meters));
    }

    /** The live writer's connection and security settings; no group, nothing committed, committed records only. */
    static Map<String, Object> consumerConfig(Map<String, Object> live, RebuildSettings settings) {
        Map<String, Object> config = new HashMap<>(live);
        config.keySet().removeIf(key -> key.startsWith("spring.") || key.contains("deserializer"));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "status-projection-rebuild");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        return config;
    }

    @Override
    public void start() {
        running = true;
        Thread loop = new Thread(this::loop, "projection-rebuild");
        loop.setDaemon(true);
        loop.start();
        thread = loop;
    }

    private void loop() {
        boolean failing = false;
        while (running) {
            try {
                var claim = generations.claim(RebuildWorker.WORKER, settings.staleAfter());
                if (failing) {
                    log.info("looking for projection rebuilds to run again");
                    failing = false;
                }
                if (claim.isPresent()) {
                    worker.run(claim.get(), () -> running);
                    continue;
                }
            } catch (RuntimeException e) {
                // once per outage: the projection's health and log already say that the database is gone
                if (!failing) {
                    log.warn("cannot look for a projection rebuild to run: {}", Failures.reason(e));
                    failing = true;
                }
            }
            pause();
        }
    }

    /** Waits a poll interval, or less when the processor stops. */
    private void pause() {
        long until = System.nanoTime() + settings.pollInterval().toNanos();
        while (running && System.nanoTime() < until) {
            LockSupport.parkNanos(Math.min(100_000_000L, until - System.nanoTime()));
        }
    }

    /**
     * Lets a running rebuild end its current batch and leave the rest to a takeover (its state stays building), and
     * waits for that, so it never writes through a closed connection pool.
     */
    @Override
    public void stop() {
        running = false;
        Thread loop = thread;
        if (loop != null) {
            try {
                loop.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
