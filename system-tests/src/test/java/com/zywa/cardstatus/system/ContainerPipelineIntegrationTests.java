package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The end-to-end scenario again, on the images the service is deployed with (apache/kafka, postgres) run by
 * Testcontainers. Skipped, not failed, where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIntegrationTests {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17");

    private static Pipeline pipeline;

    @BeforeAll
    static void startServices() throws Exception {
        pipeline = Pipeline.on(
                KAFKA.getBootstrapServers(),
                new Pipeline.Database(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword()));
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void samplesUploadedInAnyOrderAndAgainGiveTheSpecTable() {
        PipelineClient client = new PipelineClient(pipeline);
        SampleSet samples = SampleSet.next();
        List<String> order = new ArrayList<>(SampleSet.FILES);
        Collections.shuffle(order);

        order.forEach(file -> assertThat(client.upload(samples, file).status()).isEqualTo(201));
        client.upload(samples, order.get(0));

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> PipelineIntegrationTests.assertSpecTable(client, samples));
    }
}
