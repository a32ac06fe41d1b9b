package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.CardStalled;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Stalls on the wall clock through the whole pipeline (contract §13): the shared processor stalls only partner
 * {@value Pipeline#STALL_PARTNER}'s cards (its rules by configuration, the defaults' days), so other tests' old sample
 * cards stay as they are.
 */
@ExtendWith(PipelineExtension.class)
class StallIntegrationTests {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aStalePickUpAndExceptionStallOnceAreFoundAndExportedAndADeliveryClearsTheStall(Pipeline pipeline)
            throws Exception {
        String picked = "STL-" + run + "-P";
        String exception = "STL-" + run + "-E";
        Instant now = Instant.now();
        publish(
                pipeline,
                List.of(
                        event(EventType.PICKED_UP, picked, now.minus(Duration.ofDays(4))),
                        event(EventType.PICKED_UP, exception, now.minus(Duration.ofDays(5))),
                        event(EventType.DELIVERY_EXCEPTION, exception, now.minus(Duration.ofDays(3)))));
        PipelineClient client = new PipelineClient(pipeline);
        String stalledSearch = pipeline.apiUrl() + "/api/v1/cards?stalled=true&partner=" + Pipeline.STALL_PARTNER;

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(ids(client.get(stalledSearch).body())).contains(picked, exception));
        TopicReader topics = new TopicReader(pipeline);
        List<ConsumerRecord<byte[], byte[]>> stalls = topics.read(
                Topics.STALLED, record -> TopicReader.keyed(record, picked) || TopicReader.keyed(record, exception));
        assertThat(stalls).as("one card.stalled each").hasSize(2);
        CardStalled stall = Json.MAPPER.readValue(stalls.get(0).value(), CardStalled.class);
        assertThat(stall.type()).isEqualTo("com.zywa.card.stalled");
        assertThat(TopicReader.header(stalls.get(0), "content-type")).isEqualTo("application/cloudevents+json");
        assertThat(csv(pipeline, "stalled=true&partner=" + Pipeline.STALL_PARTNER))
                .contains(picked, exception);

        publish(pipeline, List.of(event(EventType.DELIVERED, picked, now)));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ids(client.get(stalledSearch).body()))
                        .doesNotContain(picked)
                        .contains(exception));
        assertThat(ids(client.get(pipeline.apiUrl() + "/api/v1/cards?stalled=false&status=DELIVERED&partner="
                                + Pipeline.STALL_PARTNER)
                        .body()))
                .contains(picked);
        assertThat(topics.read(Topics.STALLED, record -> TopicReader.keyed(record, picked)))
                .as("the delivery stalls nothing")
                .hasSize(1);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode card : page.get("cards")) {
            ids.add(card.get("card_id").asString());
        }
        return ids;
    }

    private static String csv(Pipeline pipeline, String query) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(pipeline.apiUrl() + "/api/v1/cards.csv?" + query))
                                .header("X-API-Key", TestCredentials.OPS_KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** An event of the partner whose cards stall in the shared pipeline. */
    static CardEvent event(EventType type, String card, Instant at) {
        return CardEvent.of(
                type,
                card,
                null,
                at,
                null,
                UUID.randomUUID().toString(),
                EventSource.api(Pipeline.STALL_PARTNER, "stall-test"));
    }

    /** Puts {@code events} straight on their topics, as ingest would. */
    static void publish(Pipeline pipeline, List<CardEvent> events) throws Exception {
        try (KafkaProducer<String, CardEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", pipeline.bootstrapServers()),
                new StringSerializer(),
                JsonSerde.cardEvents().serializer())) {
            for (CardEvent event : events) {
                producer.send(new ProducerRecord<>(event.type().topic(), event.cardId(), event))
                        .get();
            }
        }
    }
}
