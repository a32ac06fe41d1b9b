package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Partners publish JSON events over HTTP; each is validated like a CSV row and answered on its own, for the calling
 * partner only, and carries the caller's name to Kafka.
 */
@ExtendWith(PipelineExtension.class)
class PartnerEventsIntegrationTests {

    @Test
    void acceptsValidEventsRejectsBadOnesAndAppliesTheAccepted(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        String events = """
                [{"type":"PICKED_UP","card_id":"ZYWAPI1","phone":"0509998877","occurred_at":"2023-11-20T08:00:00Z","partner_event_id":"E1"},
                 {"type":"DELIVERED","card_id":"ZYWAPI1","phone":"9.71535E+11","occurred_at":"21-11-2023 12:00PM","comment":"left with guard"},
                 {"type":"LOST","card_id":"ZYWAPI1","occurred_at":"2023-11-20T08:00:00Z"},
                 {"type":"RETURNED","card_id":"","occurred_at":"2023-11-20T08:00:00Z"}]
                """;

        PipelineClient.Answer answer = client.postJson(pipeline.ingestUrl() + "/events", events);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.body().get("rejected").asInt()).isEqualTo(2);
        assertThat(answer.body().get("results").get(1).get("warnings").get(0).asString())
                .startsWith("event 1: phone '9.71535E+11' was mangled");
        assertThat(answer.body().get("results").get(2).get("reason").asString())
                .isEqualTo("event 2: type 'LOST' is not one of PICKED_UP, DELIVERY_EXCEPTION, DELIVERED, RETURNED");
        assertThat(answer.body().get("results").get(3).get("reason").asString()).isEqualTo("event 3: card ID is empty");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PipelineClient.Answer card = client.cardStatus("user_phone=509998877");
            assertThat(card.status()).isEqualTo(200);
            assertThat(card.body().get("status").asString()).isEqualTo("DELIVERED");
            assertThat(card.body().get("status_at").asString()).isEqualTo("2023-11-21T08:00:00Z");
        });
    }

    @Test
    void anEventDatedADayAheadIsRejectedAndCannotHoldTheCardsStatus(Pipeline pipeline) {
        // contract §11.5: before, events up to a day ahead were accepted, so one dated now + 23 h held the card's
        // status (and phone) against every genuine event of that day
        PipelineClient client = new PipelineClient(pipeline);
        String card = "ZYWSKEW" + System.nanoTime();
        java.time.Instant now = java.time.Instant.now();
        String events = """
                [{"type":"PICKED_UP","card_id":"%1$s","occurred_at":"%2$s","partner_event_id":"S1"},
                 {"type":"RETURNED","card_id":"%1$s","phone":"0501112223","occurred_at":"%3$s","partner_event_id":"S2"}]
                """.formatted(card, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(23)));

        PipelineClient.Answer answer = client.postJson(pipeline.ingestUrl() + "/events", events);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.body().get("results").get(1).get("reason").asString())
                .contains("more than 5 min in the future");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PipelineClient.Answer status = client.cardStatus("card_id=" + card);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.body().get("status").asString()).isEqualTo("PICKED_UP");
        });
    }

    @Test
    void aPartnerKeySendsForItsOwnPartnerOnlyAndIsRecordedAsTheSender(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        String event = "{\"type\":\"PICKED_UP\",\"card_id\":\"%s\",\"occurred_at\":\"2023-11-20T08:00:00Z\"}";

        PipelineClient.Answer foreign = client.send(
                HttpMethod.POST,
                pipeline.ingestUrl() + "/events?partner=fastcourier",
                Map.of("X-API-Key", TestCredentials.PARTNER_KEY),
                MediaType.APPLICATION_JSON,
                event.formatted("ZYWSEC1"));
        PipelineClient.Answer own = client.send(
                HttpMethod.POST,
                pipeline.ingestUrl() + "/events",
                Map.of("X-API-Key", TestCredentials.FASTCOURIER_KEY),
                MediaType.APPLICATION_JSON,
                event.formatted("ZYWSEC2"));

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().get("error").asString()).isEqualTo("forbidden");
        assertThat(own.body().get("accepted").asInt()).isEqualTo(1);
        TopicReader topics = new TopicReader(pipeline);
        List<ConsumerRecord<byte[], byte[]>> sent =
                topics.awaitRecords(EventType.PICKED_UP.topic(), record -> TopicReader.keyed(record, "ZYWSEC2"));
        CardEvent published = Json.MAPPER.readValue(sent.get(0).value(), CardEvent.class);
        assertThat(published.source().partner()).isEqualTo("fastcourier");
        assertThat(published.source().caller()).isEqualTo("partner-fastcourier-test");
        client.awaitIdle();
        assertThat(topics.read(EventType.PICKED_UP.topic(), record -> TopicReader.keyed(record, "ZYWSEC1")))
                .isEmpty();
        assertThat(client.cardStatus("card_id=ZYWSEC1").status()).isEqualTo(404);
    }

    @Test
    void acceptsASingleEventObject(Pipeline pipeline) {
        PipelineClient.Answer answer = new PipelineClient(pipeline)
                .postJson(
                        pipeline.ingestUrl() + "/events",
                        "{\"type\":\"pickup\",\"card_id\":\"ZYWAPI2\",\"occurred_at\":\"2023-11-20 10:00\"}");

        assertThat(answer.body().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void documentsTheEventSchemaInOpenApi(Pipeline pipeline) {
        PipelineClient.Answer docs = new PipelineClient(pipeline).get(pipeline.ingestUrl() + "/v3/api-docs");

        assertThat(docs.body().get("paths").propertyNames()).contains("/events", "/uploads", "/uploads/{id}");
        assertThat(docs.body()
                        .get("components")
                        .get("schemas")
                        .get("PartnerEvent")
                        .get("properties")
                        .propertyNames())
                .contains("type", "card_id", "phone", "occurred_at", "comment", "partner_event_id");
    }

    @Test
    void refusesBodiesThatAreNotEvents(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);

        PipelineClient.Answer garbage = client.postJson(pipeline.ingestUrl() + "/events", "{not json");
        PipelineClient.Answer empty = client.postJson(pipeline.ingestUrl() + "/events", "[]");
        PipelineClient.Answer partner = client.postJson(
                pipeline.ingestUrl() + "/events?partner=nobody",
                "{\"type\":\"pickup\",\"card_id\":\"ZYWAPI3\",\"occurred_at\":\"2023-11-20 10:00\"}");

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("error").asString()).isEqualTo("invalid_json");
        assertThat(empty.body())
                .isEqualTo(Json.MAPPER.readTree(
                        "{\"error\":\"invalid_batch\",\"message\":\"send 1 to 1000 events per request; got 0\"}"));
        assertThat(partner.body().get("error").asString()).isEqualTo("unknown_partner");
    }
}
