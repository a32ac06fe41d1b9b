package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A partner with codes of its own (contract §10), on the shared pipeline: its file's {@code Reason code} column is
 * mapped by configuration, a code its mapping lacks shows as {@code OTHER} with the raw code, in the counter and in
 * the ops list, and once ops add it to the mapping file the events folded after map to it without a restart of
 * anything, as does a card folded before at its next change.
 */
@ExtendWith(PipelineExtension.class)
class ReasonsIntegrationTests {

    private static final String HEADER = "ID,Card ID,Timestamp,Comment,Reason code\n";

    private final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private Pipeline pipeline;
    private PipelineClient client;

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.client = new PipelineClient(pipeline);
    }

    @AfterEach
    void restoreTheMapping() throws IOException {
        Files.writeString(pipeline.reasonMapping(), Pipeline.REASONS);
    }

    @Test
    void aPartnersCodesMapByItsMappingAndOneAddedByOpsMapsNewEventsWithoutARestart() throws IOException {
        String unknown = "ZYWSW1-" + run;
        String refused = "ZYWSW2-" + run;
        double unmappedBefore = unmappedCount();
        upload(
                "swiftpost-exceptions-1.csv",
                "S1," + unknown + ",13-11-2023 10:00,left a card,NH\n" + "S2," + refused + ",13-11-2023 10:05,,RF\n");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertCard(unknown, "OTHER", "NH", "WAIT_FOR_COURIER");
            assertCard(refused, "RECIPIENT_REFUSED", "RF", "CONTACT_CARDHOLDER");
        });
        assertThat(unmappedCount()).isEqualTo(unmappedBefore + 1);
        JsonNode listed = unmappedReasons("swiftpost", "NH");
        assertThat(listed.get("cards").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(listed.get("example_card").asString()).startsWith("ZYWSW1-");

        double loaded = Scrape.of(pipeline.processorUrl()).value("cardstatus_reasons_mapping_loaded_seconds");
        // the line ops add under swiftpost's codes, the last lines of the file
        Files.writeString(pipeline.reasonMapping(), Pipeline.REASONS + "      NH: RECIPIENT_UNAVAILABLE\n");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Scrape.of(pipeline.processorUrl()).value("cardstatus_reasons_mapping_loaded_seconds") > loaded);
        String later = "ZYWSW3-" + run;
        upload("swiftpost-exceptions-2.csv", "S3," + later + ",13-11-2023 11:00,left a card,NH\n");
        uploadReturn(unknown);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertCard(later, "RECIPIENT_UNAVAILABLE", "NH", "CONTACT_CARDHOLDER");
            JsonNode card = client.cardStatus("card_id=" + unknown).body();
            assertThat(card.get("reason").asString()).isEqualTo("REFUSED");
            assertThat(card.get("history").get(0).get("reason").asString())
                    .as("the earlier exception, mapped again when the card changed")
                    .isEqualTo("RECIPIENT_UNAVAILABLE");
        });
        assertThat(unmappedCount()).isEqualTo(unmappedBefore + 1);
    }

    private void upload(String file, String rows) {
        PipelineClient.Answer answer =
                client.upload(file, (HEADER + rows).getBytes(StandardCharsets.UTF_8), Map.of("partner", "swiftpost"));
        assertThat(answer.status()).as(file).isEqualTo(201);
        assertThat(answer.body().get("rows_rejected").asInt()).as(file).isZero();
    }

    private void uploadReturn(String card) {
        String file = "ID,Card ID,Timestamp,Reason code\nS4," + card + ",14-11-2023 09:00,RF\n";
        PipelineClient.Answer answer = client.upload(
                "swiftpost-returned.csv", file.getBytes(StandardCharsets.UTF_8), Map.of("partner", "swiftpost"));
        assertThat(answer.status()).isEqualTo(201);
    }

    private void assertCard(String card, String reason, String rawReason, String action) {
        PipelineClient.Answer answer = client.cardStatus("card_id=" + card);
        assertThat(answer.status()).as(card).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("reason").asString()).as(card).isEqualTo(reason);
        assertThat(body.get("raw_reason").asString()).as(card).isEqualTo(rawReason);
        assertThat(body.get("action_required").asString()).as(card).isEqualTo(action);
        assertThat(body.get("partner").asString()).as(card).isEqualTo("swiftpost");
        JsonNode source = body.get("history").get(0).get("source");
        assertThat(source.get("file").asString()).startsWith("swiftpost-exceptions-");
        assertThat(source.get("line").asInt()).isBetween(2, 3);
    }

    /** The ops list's entry for a partner's raw reason (status-api, an ops key). */
    private JsonNode unmappedReasons(String partner, String rawReason) {
        PipelineClient.Answer answer = client.send(
                HttpMethod.GET,
                pipeline.apiUrl() + "/api/v1/unmapped-reasons",
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                null,
                null);
        assertThat(answer.status()).isEqualTo(200);
        for (JsonNode entry : answer.body()) {
            if (partner.equals(entry.get("partner").asString())
                    && rawReason.equals(entry.get("raw_reason").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no unmapped " + partner + " " + rawReason + " in " + answer.body());
    }

    private double unmappedCount() {
        return Scrape.of(pipeline.processorUrl())
                .valueOrZero("cardstatus_unmapped_reasons_total", "partner=\"swiftpost\"");
    }
}
