package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * HTTP, folded exactly once, projected, and served by the status API. Each test uploads its own {@link SampleSet}
 * (the samples with its own card IDs and phones) and ends at the expected table of the samples, so no test can
 * pass on what another one uploaded.
 */
@ExtendWith(PipelineExtension.class)
class PipelineIntegrationTests {

    /** Uploaded once for all the phone-form cases. */
    private static SampleSet byPhone;

    private PipelineClient client;

    @BeforeEach
    void connect(Pipeline pipeline) {
        client = new PipelineClient(pipeline);
    }

    @Test
    void samplesUploadedInAShuffledOrderGiveTheSpecTable() {
        SampleSet samples = SampleSet.next();
        List<String> order = new ArrayList<>(SampleSet.FILES);
        Collections.shuffle(order, new Random());

        for (String file : order) {
            PipelineClient.Answer answer = client.upload(samples, file);
            assertThat(answer.status()).as(file).isEqualTo(201);
            assertThat(answer.body().get("rows_rejected").asInt()).as(file).isZero();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertSpecTable(samples));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"585949014", "0585949014", "971585949014", "+971585949014", "00971585949014", "+971 58 594 9014"
            })
    void answersByEveryPhoneForm(String phone) {
        SampleSet samples = uploadedOnceForPhoneForms();
        String form = samples.phone(phone);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer answer =
                    client.cardStatus("user_phone=" + URLEncoder.encode(form, StandardCharsets.UTF_8));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("card_id").asString()).isEqualTo(samples.card("ZYW8827"));
            assertThat(answer.body().get("status").asString()).isEqualTo("DELIVERED");
        });
    }

    @Test
    void answersByCardIdAndPhoneTogether() {
        SampleSet samples = SampleSet.next();
        uploadAll(samples);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PipelineClient.Answer answer = client.cardStatus(
                    "card_id=" + samples.card("ZYW8890") + "&user_phone=" + samples.phone("534534534"));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("status").asString()).isEqualTo("RETURNED");
            assertThat(answer.body().get("history"))
                    .extracting(entry -> entry.get("status").asString())
                    .containsExactly("PICKED_UP", "DELIVERY_EXCEPTION", "RETURNED");
        });
    }

    @Test
    void uploadingAFileAgainChangesNothing() {
        SampleSet samples = SampleSet.next();
        uploadAll(samples);
        client.awaitIdle();
        List<JsonNode> before = currentStatuses(samples);

        PipelineClient.Answer again = client.upload(samples, SampleSet.FILES.get(1));
        client.awaitIdle();

        assertThat(again.status()).isEqualTo(201);
        assertThat(currentStatuses(samples)).isEqualTo(before);
        assertSpecTable(samples);
    }

    @Test
    void concurrentUploadsOfTheSameAndOfDifferentFilesEndLikeOneUpload() throws Exception {
        SampleSet samples = SampleSet.next();
        List<Callable<PipelineClient.Answer>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uploads.add(() -> client.upload(samples, SampleSet.FILES.get(1)));
        }
        SampleSet.FILES.forEach(file -> uploads.add(() -> client.upload(samples, file)));
        ExecutorService pool = Executors.newFixedThreadPool(uploads.size());
        try {
            for (Future<PipelineClient.Answer> answer : pool.invokeAll(uploads)) {
                assertThat(answer.get().status()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        client.awaitIdle();
        assertSpecTable(samples);
    }

    private synchronized SampleSet uploadedOnceForPhoneForms() {
        if (byPhone == null) {
            byPhone = SampleSet.next();
            uploadAll(byPhone);
        }
        return byPhone;
    }

    private void uploadAll(SampleSet samples) {
        SampleSet.FILES.forEach(
                file -> assertThat(client.upload(samples, file).status()).isEqualTo(201));
    }

    private List<JsonNode> currentStatuses(SampleSet samples) {
        return List.of("ZYW8827", "ZYW8890", "ZYW7631").stream()
                .map(card -> client.cardStatus("card_id=" + samples.card(card)).body())
                .toList();
    }

    /**
     * The expected table of the samples (contract §4), for this set's cards, with the reasons of contract §10: ZYW8890's
     * exception is RECIPIENT_UNAVAILABLE (contact the cardholder), ZYW7631's RECIPIENT_REFUSED, and every history entry
     * names the sample file and line it came from.
     */
    static void assertSpecTable(PipelineClient client, SampleSet samples) {
        assertCard(client, samples, "ZYW8827", "DELIVERED", "2023-11-13T09:34:56Z", "+971585949014", 0);
        assertCard(client, samples, "ZYW8890", "RETURNED", "2023-11-14T08:00:00Z", "+971534534534", 1);
        assertCard(client, samples, "ZYW7631", "DELIVERED", "2023-11-14T12:34:56Z", "+971545576586", 1);
        JsonNode returned =
                client.cardStatus("card_id=" + samples.card("ZYW8890")).body();
        assertException(returned, "RECIPIENT_UNAVAILABLE", "CONTACT_CARDHOLDER", 2);
        assertThat(returned.get("reason").asString())
                .as("a return without a reason")
                .isEqualTo("OTHER");
        assertThat(returned.get("action_required").asString()).isEqualTo("CONTACT_CARDHOLDER");
        assertThat(returned.get("attempts").asInt()).isEqualTo(1);
        JsonNode delivered =
                client.cardStatus("card_id=" + samples.card("ZYW7631")).body();
        assertException(delivered, "RECIPIENT_REFUSED", "CONTACT_CARDHOLDER", 3);
        assertThat(delivered.get("action_required").asString()).isEqualTo("NONE");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
    }

    /** The card's one exception has this reason and action, and came from this line of the exceptions file. */
    private static void assertException(JsonNode card, String reason, String action, int line) {
        JsonNode exception = card.get("history").get(1);
        assertThat(exception.get("status").asString()).isEqualTo("DELIVERY_EXCEPTION");
        assertThat(exception.get("reason").asString()).isEqualTo(reason);
        assertThat(exception.get("action_required").asString()).isEqualTo(action);
        assertThat(exception.get("source").get("file").asString())
                .isEqualTo("Sample Card Status Info - Delivery exceptions.csv");
        assertThat(exception.get("source").get("line").asInt()).isEqualTo(line);
        assertThat(card.get("partner").asString()).isEqualTo("default");
    }

    private void assertSpecTable(SampleSet samples) {
        assertSpecTable(client, samples);
    }

    private static void assertCard(
            PipelineClient client,
            SampleSet samples,
            String sampleCard,
            String status,
            String at,
            String samplePhone,
            int exceptions) {
        String card = samples.card(sampleCard);
        PipelineClient.Answer answer = client.cardStatus("card_id=" + card);
        assertThat(answer.status()).as(card).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("card_id").asString()).isEqualTo(card);
        assertThat(body.get("status").asString()).as(card).isEqualTo(status);
        assertThat(body.get("status_at").asString()).as(card).isEqualTo(at);
        assertThat(body.get("user_phone").asString()).as(card).isEqualTo(samples.phone(samplePhone));
        assertThat(body.get("delivery_exceptions").asInt()).as(card).isEqualTo(exceptions);
        assertThat(body.get("history")).as(card).allSatisfy(entry -> {
            assertThat(SampleSet.FILES).contains(entry.get("source").get("file").asString());
            assertThat(entry.get("source").get("line").asInt()).isBetween(2, 4);
            assertThat(entry.get("source").get("upload_id").asString()).isNotBlank();
        });
    }
}
