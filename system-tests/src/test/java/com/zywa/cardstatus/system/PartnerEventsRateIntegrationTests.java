package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A partner over its events rate on {@code partner.events} (contract §11.5; the pipeline holds partner
 * {@value Pipeline#RATE_PARTNER} to 3 events an hour): its records beyond the rate are rejected {@code rate_limited}
 * onto {@code card.rejects} and not folded, the topic is not paused; then, its rate spent, its {@code POST /events}
 * is answered 429 with {@code Retry-After} and none of its events applied.
 */
@ExtendWith(PipelineExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerEventsRateIntegrationTests {

    @Test
    @Order(1)
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

        PhoneVault vault = pipeline.ingest.getBean(PhoneVault.class);
        TopicReader topics = new TopicReader(pipeline);
        RejectedRow rejected = topics.awaitRejection(vault, card + "-3");
        assertThat(rejected.reason())
                .startsWith(
                        "rate_limited: partner '" + Pipeline.RATE_PARTNER + "' sent more than its 3 events per PT1H");
        RejectedRow stored = topics.read(Topics.REJECTS, any -> true).stream()
                .map(record -> Json.MAPPER.readValue(record.value(), RejectedRow.class))
                .filter(row ->
                        row.file().equals(rejected.file()) && row.reason().equals(rejected.reason()))
                .findFirst()
                .orElseThrow();
        assertThat(stored.raw()).as("sealed under its phone's key").doesNotContain("501112233");
        assertThat(vault.open(stored.raw())).isEqualTo(rejected.raw());
        PipelineClient client = new PipelineClient(pipeline);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer answer = client.get(pipeline.apiUrl() + "/api/v1/cards/" + card);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("history"))
                    .as("the three within the rate")
                    .hasSize(3);
        });
    }

    @Test
    @Order(2)
    void aPostOfEventsOverThePartnersRateIsAnswered429WithRetryAfterAndNoneApplied(Pipeline pipeline) {
        // the partner's rate (3 an hour, counted over partner.events and POST /events together) is spent by now
        String card = "ZYWRH" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String token = pipeline.issuer().token("rate-http", List.of("cardstatus.partner"), Pipeline.RATE_PARTNER);
        PipelineClient client = new PipelineClient(pipeline);
        String events = "[{\"type\":\"PICKED_UP\",\"card_id\":\"" + card
                + "\",\"occurred_at\":\"2023-11-20T08:00:00Z\"},{\"type\":\"DELIVERED\",\"card_id\":\"" + card
                + "\",\"occurred_at\":\"2023-11-21T08:00:00Z\"}]";

        Posted answer = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .build()
                .post()
                .uri(URI.create(pipeline.ingestUrl() + "/events"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(events)
                .exchange((request, response) -> new Posted(
                        response.getStatusCode().value(),
                        response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body()).contains("\"rate_limited\"");
        assertThat(Long.parseLong(answer.retryAfter())).as("Retry-After").isPositive();
        client.awaitIdle();
        assertThat(client.cardStatus("card_id=" + card).status())
                .as("none of its events applied")
                .isEqualTo(404);
    }

    private record Posted(int status, String retryAfter, String body) {}

    private static String structured(String id, String type, String card, int minute) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/partners/" + Pipeline.RATE_PARTNER
                + "\",\"type\":\"" + type + "\",\"time\":\"2023-11-20T09:0" + minute + ":00Z\",\"subject\":\"" + card
                + "\",\"datacontenttype\":\"application/json\",\"data\":{\"phone\":\"0501112233\"}}";
    }
}
