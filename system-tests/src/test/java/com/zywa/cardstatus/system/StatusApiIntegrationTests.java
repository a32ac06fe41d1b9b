package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only real data in PostgreSQL shows about the status API: answers that depend on stored rows (a phone's
 * cards in order, a card not registered to a phone), the resource-style API and health. Every error body is
 * checked without a database in status-api's own web-slice test.
 */
@ExtendWith(PipelineExtension.class)
class StatusApiIntegrationTests {

    private static final SampleSet SAMPLES = SampleSet.next();

    private PipelineClient client;
    private Pipeline pipeline;

    @BeforeAll
    static void uploadSamples(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        SampleSet.FILES.forEach(file -> client.upload(SAMPLES, file));
        client.awaitIdle();
    }

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
        client = new PipelineClient(pipeline);
    }

    @Test
    void answersLookupsThatMissTheStoredRowsWithTheirExactBody() {
        String card = SAMPLES.card("ZYW8827");
        String otherPhone = SAMPLES.phone("534534534");

        assertThat(client.cardStatus("card_id=" + card + "&user_phone=" + otherPhone)
                        .body())
                .isEqualTo(Json.MAPPER.readTree("{\"error\":\"not_found\",\"message\":\"card " + card
                        + " is not registered to phone +971******" + otherPhone.substring(6) + "\"}"));
        assertThat(client.cardStatus("user_phone=0500000000").body())
                .isEqualTo(Json.MAPPER.readTree(
                        "{\"error\":\"not_found\",\"message\":\"no card for phone +971******000\"}"));
        assertThat(client.cardStatus("card_id=NOPE1&user_phone=" + otherPhone).status())
                .isEqualTo(404);
    }

    @Test
    void answersAnUnknownPathWithJson() {
        PipelineClient.Answer answer = client.get(pipeline.apiUrl() + "/no/such/path");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("error").asString()).isEqualTo("not_found");
    }

    @Test
    void aPhoneWithSeveralCardsAnswersWithTheLatestAndListsTheOthers() {
        String file = "ID,Card ID,User Mobile,Timestamp\n1,ZYWMULTI1,0501234567,20-11-2023 10:00\n"
                + "2,ZYWMULTI2,0501234567,21-11-2023 10:00\n3,ZYWMULTI3,+971501234567,19-11-2023 10:00\n";
        client.upload("multi-pickup.csv", file.getBytes(StandardCharsets.UTF_8), Map.of());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer answer = client.cardStatus("user_phone=501234567");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("card_id").asString()).isEqualTo("ZYWMULTI2");
            assertThat(answer.body().get("other_cards"))
                    .extracting(node -> node.asString())
                    .containsExactly("ZYWMULTI1", "ZYWMULTI3");
        });
        PipelineClient.Answer all = client.get(pipeline.apiUrl() + "/api/v1/cards?phone=00971501234567");
        assertThat(all.body())
                .extracting(node -> node.get("card_id").asString())
                .containsExactly("ZYWMULTI2", "ZYWMULTI1", "ZYWMULTI3");
    }

    @Test
    void servesTheResourceStyleApiAndItsOpenApiDocument() {
        PipelineClient.Answer card = client.get(pipeline.apiUrl() + "/api/v1/cards/" + SAMPLES.card("ZYW7631"));
        PipelineClient.Answer missing = client.get(pipeline.apiUrl() + "/api/v1/cards/NOPE2");
        PipelineClient.Answer docs = client.get(pipeline.apiUrl() + "/v3/api-docs");

        assertThat(card.body().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(card.body().get("delivery_exceptions").asInt()).isEqualTo(1);
        assertThat(card.body().get("history")).hasSize(3);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(docs.body().get("paths").propertyNames())
                .contains(
                        "/get_card_status",
                        "/api/v1/cards/{cardId}",
                        "/api/v1/cards",
                        "/api/v1/cards.csv",
                        "/api/v1/card-counts",
                        "/api/v1/unmapped-reasons",
                        "/api/v1/projection/rebuilds",
                        "/api/v1/projection/rebuilds/{id}/cancel");
        assertThat(docs.body().at("/paths/~1api~1v1~1cards/get/parameters").findValuesAsString("name"))
                .as("the work queue's filters (contract §13)")
                .contains(
                        "status",
                        "partner",
                        "reason",
                        "action_required",
                        "stalled",
                        "updated_since",
                        "cursor",
                        "limit");
        assertThat(docs.body().at("/components/schemas/QueuedCard/properties").propertyNames())
                .contains("card_id", "user_phone", "stalled_since", "updated_at");
        assertThat(docs.body().at("/components/schemas/HistoryEntry/properties").propertyNames())
                .as("history entries in the names the API writes")
                .contains("reason", "raw_reason", "action_required", "partner_event_id", "source");
        assertThat(docs.body().at("/components/schemas/CardStatusResponse/properties/reason/enum"))
                .extracting(node -> node.asString())
                .contains("RECIPIENT_UNAVAILABLE", "OTHER");
    }

    @Test
    void reportsHealthOnEveryService() {
        for (String url : new String[] {pipeline.apiUrl(), pipeline.ingestUrl(), pipeline.processorUrl()}) {
            PipelineClient.Answer health = client.get(url + "/actuator/health");
            assertThat(health.body().get("status").asString()).as(url).isEqualTo("UP");
        }
    }
}
