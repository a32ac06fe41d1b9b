package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The product end to end through a real KRaft broker and a real PostgreSQL: the partner's files uploaded over
 * HTTP, folded exactly once, projected, and served by the status API. Every test ends at the SPEC §4 table, so
 * they hold in any order over the one shared pipeline.
 */
@ExtendWith(PipelineExtension.class)
class PipelineIntegrationTests {

    static final List<String> SAMPLES = List.of(
            "Sample Card Status Info - Pickup.csv",
            "Sample Card Status Info - Delivery exceptions.csv",
            "Sample Card Status Info - Delivered.csv",
            "Sample Card Status Info - Returned.csv");

    private PipelineClient client;

    @BeforeEach
    void connect(Pipeline pipeline) {
        client = new PipelineClient(pipeline);
    }

    @Test
    void samplesUploadedInAShuffledOrderGiveTheSpecTable() {
        List<String> order = new ArrayList<>(SAMPLES);
        Collections.shuffle(order, new Random());

        for (String file : order) {
            PipelineClient.Answer answer = client.uploadSample(file);
            assertThat(answer.status()).as(file).isEqualTo(201);
            assertThat(answer.body().get("rows_rejected").asInt()).as(file).isZero();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(this::assertSpecTable);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"585949014", "0585949014", "971585949014", "+971585949014", "00971585949014",
        "%2B971%2058%20594%209014"})
    void answersByEveryPhoneForm(String phone) {
        uploadAllSamples();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer answer = client.cardStatus("user_phone=" + phone);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("card_id").asString()).isEqualTo("ZYW8827");
            assertThat(answer.body().get("status").asString()).isEqualTo("DELIVERED");
        });
    }

    @Test
    void answersByCardIdAndPhoneTogether() {
        uploadAllSamples();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer answer = client.cardStatus("card_id=ZYW8890&user_phone=534534534");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("status").asString()).isEqualTo("RETURNED");
            assertThat(answer.body().get("history")).extracting(entry -> entry.get("status").asString())
                    .containsExactly("PICKED_UP", "DELIVERY_EXCEPTION", "RETURNED");
        });
    }

    @Test
    void uploadingAFileAgainChangesNothing() {
        uploadAllSamples();
        client.awaitIdle();
        List<JsonNode> before = currentStatuses();

        PipelineClient.Answer again = client.uploadSample(SAMPLES.get(1));
        client.awaitIdle();

        assertThat(again.status()).isEqualTo(201);
        assertThat(currentStatuses()).isEqualTo(before);
        assertSpecTable();
    }

    @Test
    void concurrentUploadsOfTheSameAndOfDifferentFilesEndLikeOneUpload() throws Exception {
        List<Callable<PipelineClient.Answer>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uploads.add(() -> client.uploadSample(SAMPLES.get(1)));
        }
        SAMPLES.forEach(file -> uploads.add(() -> client.uploadSample(file)));
        ExecutorService pool = Executors.newFixedThreadPool(uploads.size());
        try {
            for (Future<PipelineClient.Answer> answer : pool.invokeAll(uploads)) {
                assertThat(answer.get().status()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        client.awaitIdle();
        assertSpecTable();
    }

    private void uploadAllSamples() {
        SAMPLES.forEach(file -> assertThat(client.uploadSample(file).status()).isEqualTo(201));
    }

    private List<JsonNode> currentStatuses() {
        return List.of("ZYW8827", "ZYW8890", "ZYW7631").stream()
                .map(card -> client.cardStatus("card_id=" + card).body()).toList();
    }

    private void assertSpecTable() {
        assertCard("ZYW8827", "DELIVERED", "2023-11-13T09:34:56Z", "+971585949014", 0);
        assertCard("ZYW8890", "RETURNED", "2023-11-14T08:00:00Z", "+971534534534", 1);
        assertCard("ZYW7631", "DELIVERED", "2023-11-14T12:34:56Z", "+971545576586", 1);
    }

    private void assertCard(String card, String status, String at, String phone, int exceptions) {
        PipelineClient.Answer answer = client.cardStatus("card_id=" + card);
        assertThat(answer.status()).as(card).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("card_id").asString()).isEqualTo(card);
        assertThat(body.get("status").asString()).as(card).isEqualTo(status);
        assertThat(body.get("status_at").asString()).as(card).isEqualTo(at);
        assertThat(body.get("user_phone").asString()).as(card).isEqualTo(phone);
        assertThat(body.get("delivery_exceptions").asInt()).as(card).isEqualTo(exceptions);
    }
}
