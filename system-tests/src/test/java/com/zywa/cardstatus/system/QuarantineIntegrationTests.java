package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Ownership on the real pipeline (contract §11.1): another partner's event for a card is quarantined, not folded,
 * listed for ops by status-api, and folded once ops accept it through ingest (a hand-over).
 */
@ExtendWith(PipelineExtension.class)
class QuarantineIntegrationTests {

    @Test
    void anotherPartnersEventIsListedNotFoldedAndFoldedWhenOpsAcceptIt(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        String card = "ZYWQ-" + UUID.randomUUID().toString().substring(0, 8);
        String event = "{\"type\":\"%s\",\"card_id\":\"" + card + "\",\"occurred_at\":\"%s\"}";
        assertThat(sendAs(
                                client,
                                pipeline,
                                TestCredentials.PARTNER_KEY,
                                event.formatted("PICKED_UP", "2023-11-20T08:00:00Z"))
                        .body()
                        .get("accepted")
                        .asInt())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(client, card)).isEqualTo("PICKED_UP"));

        assertThat(sendAs(
                                client,
                                pipeline,
                                TestCredentials.FASTCOURIER_KEY,
                                event.formatted("DELIVERED", "2023-11-21T08:00:00Z"))
                        .body()
                        .get("accepted")
                        .asInt())
                .isEqualTo(1);

        JsonNode listed = await().atMost(Duration.ofSeconds(30))
                .until(() -> quarantined(client, pipeline, card), found -> found != null);
        assertThat(listed.get("owner").asString()).isEqualTo("default");
        assertThat(listed.get("partner").asString()).isEqualTo("fastcourier");
        assertThat(listed.get("status").asString()).isEqualTo("DELIVERED");
        client.awaitIdle();
        assertThat(status(client, card)).as("not folded").isEqualTo("PICKED_UP");

        PipelineClient.Answer accepted = client.send(
                HttpMethod.POST,
                pipeline.ingestUrl() + "/api/v1/quarantine/" + card + "/"
                        + listed.get("event_id").asString() + "/accept",
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                null,
                null);

        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode body =
                    client.get(pipeline.apiUrl() + "/api/v1/cards/" + card).body();
            assertThat(body.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(quarantined(client, pipeline, card))
                    .as("no longer listed")
                    .isNull();
        });
    }

    private static PipelineClient.Answer sendAs(PipelineClient client, Pipeline pipeline, String key, String json) {
        return client.send(
                HttpMethod.POST,
                pipeline.ingestUrl() + "/events",
                Map.of("X-API-Key", key),
                MediaType.APPLICATION_JSON,
                json);
    }

    private static String status(PipelineClient client, String card) {
        PipelineClient.Answer answer = client.cardStatus("card_id=" + card);
        return answer.status() == 200 ? answer.body().get("status").asString() : "status " + answer.status();
    }

    private static JsonNode quarantined(PipelineClient client, Pipeline pipeline, String card) {
        PipelineClient.Answer answer = client.send(
                HttpMethod.GET,
                pipeline.apiUrl() + "/api/v1/quarantine?limit=1000",
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                null,
                null);
        assertThat(answer.status()).isEqualTo(200);
        for (JsonNode entry : answer.body()) {
            if (entry.get("card_id").asString().equals(card)) {
                return entry;
            }
        }
        return null;
    }
}
