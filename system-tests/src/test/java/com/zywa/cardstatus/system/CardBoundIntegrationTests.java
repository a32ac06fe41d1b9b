package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The per-card bound never blocks (contract §11.2), on the real pipeline: past 1,000 events a card compacts its
 * oldest into counts, and a genuine newer event still becomes its status.
 */
@ExtendWith(PipelineExtension.class)
class CardBoundIntegrationTests {

    @Test
    void aCardPastAThousandEventsStillTakesANewerOne(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        String card = "ZYWB-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.parse("2023-11-20T08:00:00Z");
        for (int batch = 0; batch < 2; batch++) {
            StringJoiner events = new StringJoiner(",", "[", "]");
            for (int i = 0; i < 550; i++) {
                int n = batch * 550 + i;
                events.add("{\"type\":\"DELIVERY_EXCEPTION\",\"card_id\":\"" + card + "\",\"occurred_at\":\""
                        + start.plusSeconds(n) + "\",\"partner_event_id\":\"X" + n + "\",\"comment\":\"not home\"}");
            }
            PipelineClient.Answer answer = client.postJson(pipeline.ingestUrl() + "/events", events.toString());
            assertThat(answer.body().get("accepted").asInt()).isEqualTo(550);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(client.cardStatus("card_id=" + card)
                                .body()
                                .get("delivery_exceptions")
                                .asInt())
                        .isEqualTo(1_100));

        client.postJson(
                pipeline.ingestUrl() + "/events",
                "{\"type\":\"DELIVERED\",\"card_id\":\"" + card + "\",\"occurred_at\":\"" + start.plusSeconds(5_000)
                        + "\",\"partner_event_id\":\"D1\"}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = client.cardStatus("card_id=" + card).body();
            assertThat(status.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(status.get("delivery_exceptions").asInt()).isEqualTo(1_100);
            assertThat(status.get("history").size()).isEqualTo(1_000);
        });
    }
}
