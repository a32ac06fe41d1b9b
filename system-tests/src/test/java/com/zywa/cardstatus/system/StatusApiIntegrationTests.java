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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer of the status API that is not a plain hit, with its exact JSON body, over real data. */
@ExtendWith(PipelineExtension.class)
class StatusApiIntegrationTests {

    private PipelineClient client;
    private Pipeline pipeline;

    @BeforeAll
    static void uploadSamples(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        PipelineIntegrationTests.SAMPLES.forEach(client::uploadSample);
        client.awaitIdle();
    }

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
        client = new PipelineClient(pipeline);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "''|400|{\"error\":\"missing_parameter\",\"message\":\"give card_id, user_phone or both\"}",
            "card_id=&user_phone=|400|{\"error\":\"missing_parameter\",\"message\":\"give card_id, user_phone or both\"}",
            "user_phone=abc|400|{\"error\":\"invalid_phone\",\"message\":\"user_phone '***' contains characters other than digits\"}",
            "user_phone=12|400|{\"error\":\"invalid_phone\",\"message\":\"user_phone '***' is not a possible number for region AE (too short)\"}",
            "user_phone=9.71535E%2B11|400|{\"error\":\"invalid_phone\",\"message\":\"user_phone '9.71535E+11' is in scientific notation; send the digits, e.g. 585949014\"}",
            "card_id=bad%20id!|400|{\"error\":\"invalid_card_id\",\"message\":\"card_id 'bad id!' must be 1-64 letters, digits, '-' or '_'\"}",
            "card_id=NOPE1|404|{\"error\":\"not_found\",\"message\":\"no card with ID NOPE1\"}",
            "user_phone=0500000000|404|{\"error\":\"not_found\",\"message\":\"no card for phone +971******000\"}",
            "card_id=ZYW8827&user_phone=534534534|404|{\"error\":\"not_found\",\"message\":\"card ZYW8827 is not registered to phone +971******534\"}",
            "card_id=NOPE1&user_phone=534534534|404|{\"error\":\"not_found\",\"message\":\"no card with ID NOPE1\"}",
    })
    void answersEveryErrorWithItsExactBody(String query, int status, String body) {
        PipelineClient.Answer answer = client.cardStatus(query);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body()).isEqualTo(Json.MAPPER.readTree(body));
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
            assertThat(answer.body().get("other_cards")).extracting(node -> node.asString())
                    .containsExactly("ZYWMULTI1", "ZYWMULTI3");
        });
        PipelineClient.Answer all = client.get(pipeline.apiUrl() + "/api/v1/cards?phone=00971501234567");
        assertThat(all.body()).extracting(node -> node.get("card_id").asString())
                .containsExactly("ZYWMULTI2", "ZYWMULTI1", "ZYWMULTI3");
    }

    @Test
    void servesTheResourceStyleApiAndItsOpenApiDocument() {
        PipelineClient.Answer card = client.get(pipeline.apiUrl() + "/api/v1/cards/ZYW7631");
        PipelineClient.Answer missing = client.get(pipeline.apiUrl() + "/api/v1/cards/NOPE2");
        PipelineClient.Answer docs = client.get(pipeline.apiUrl() + "/v3/api-docs");

        assertThat(card.body().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(card.body().get("delivery_exceptions").asInt()).isEqualTo(1);
        assertThat(card.body().get("history")).hasSize(3);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(docs.body().get("paths").propertyNames()).contains("/get_card_status", "/api/v1/cards/{cardId}",
                "/api/v1/cards");
    }

    @Test
    void reportsHealthOnEveryService() {
        for (String url : new String[] {pipeline.apiUrl(), pipeline.ingestUrl(), pipeline.processorUrl()}) {
            PipelineClient.Answer health = client.get(url + "/actuator/health");
            assertThat(health.body().get("status").asString()).as(url).isEqualTo("UP");
        }
    }
}
