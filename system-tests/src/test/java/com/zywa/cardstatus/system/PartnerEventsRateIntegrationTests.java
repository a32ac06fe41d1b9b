package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner over its events rate on {@code partner.events} (contract §11.5; the pipeline holds partner
 * {@value Pipeline#RATE_PARTNER} to 3 events an hour): its records beyond the rate are rejected {@code rate_limited}
 * onto {@code card.rejects} and not folded, the topic is not paused.
 */
@ExtendWith(PipelineExtension.class)
class PartnerEventsRateIntegrationTests {

    @Test
    void recordsOverThePartnersRateAreRejectedRateLimited(Pipeline pipeline) throws Exception {
        String card = "ZYWRL" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers",
                pipeline.bootstrapServers(),
                "key.serializer",
                StringSerializer.class,
                "value.serializer",
                StringSerializer.class))) {
            List<String> types =
                    List.of("com.zywa.card.picked-up", "com.zywa.card.delivery-exception", "com.zywa.card.delivered");
            for (int i = 0; i < 4; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        Topics.PARTNER_EVENTS, card, structured(card + "-" + i, types.get(Math.min(i, 2)), card, i));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }

        RejectedRow rejected = Json.MAPPER.readValue(
                new TopicReader(pipeline)
                        .awaitRecords(
                                Topics.REJECTS,
                                record -> new String(record.value(), StandardCharsets.UTF_8).contains(card))
                        .get(0)
                        .value(),
                RejectedRow.class);
        assertThat(rejected.reason())
                .startsWith(
                        "rate_limited: partner '" + Pipeline.RATE_PARTNER + "' sent more than its 3 events per PT1H");
        assertThat(rejected.raw()).contains(card + "-3");
        PipelineClient client = new PipelineClient(pipeline);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer answer = client.get(pipeline.apiUrl() + "/api/v1/cards/" + card);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("history"))
                    .as("the three within the rate")
                    .hasSize(3);
        });
    }

    private static String structured(String id, String type, String card, int minute) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/partners/" + Pipeline.RATE_PARTNER
                + "\",\"type\":\"" + type + "\",\"time\":\"2023-11-20T09:0" + minute + ":00Z\",\"subject\":\"" + card
                + "\",\"datacontenttype\":\"application/json\",\"data\":{\"phone\":\"0501112233\"}}";
    }
}
