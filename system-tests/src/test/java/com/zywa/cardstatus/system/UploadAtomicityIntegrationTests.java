package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A file's rows commit in one Kafka transaction: when the ingest process dies mid-file, none of the file reaches
 * the processor, the restarted process fences the unfinished transaction so the fold goes on at once, the upload
 * ends FAILED, and uploading it again applies it once.
 */
@ExtendWith(PipelineExtension.class)
class UploadAtomicityIntegrationTests {

    private static final int ROWS = 150_000;
    private static final Logger log = LoggerFactory.getLogger(UploadAtomicityIntegrationTests.class);

    @Test
    void aProducerKilledMidFileAppliesNothingAndTheFileCanBeUploadedAgain(
            Pipeline pipeline, @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path logs) throws Exception {
        PipelineClient client = new PipelineClient(pipeline);
        byte[] file = pickups(ROWS);
        IngestProcess ingest = IngestProcess.start(pipeline, "kill-test", logs.resolve("ingest-1.log"));
        CompletableFuture<PipelineClient.Answer> upload =
                CompletableFuture.supplyAsync(() -> client.upload(ingest.url(), "kill-pickup.csv", file, Map.of()));

        JsonNode midway = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> processing(client, ingest.url()),
                        report -> report != null && report.get("rows_read").asLong() >= 20_000);
        ingest.kill();
        String uploadId = midway.get("upload_id").asString();
        log.info(
                "killed ingest-producer while upload {} had read {} of {} rows",
                uploadId,
                midway.get("rows_read").asLong(),
                ROWS);

        try (IngestProcess restarted = IngestProcess.start(pipeline, "kill-test", logs.resolve("ingest-2.log"))) {
            assertThat(client.get(restarted.url() + "/uploads/" + uploadId)
                            .body()
                            .get("state")
                            .asString())
                    .isEqualTo("FAILED");
            // the restart fenced the killed upload's transaction: the fold reads on at once, long before the
            // broker's transaction timeout (60 s here) would have ended it
            client.postJson(
                    pipeline.ingestUrl() + "/events",
                    "{\"type\":\"PICKED_UP\",\"card_id\":\"ZYWKILLNEXT\","
                            + "\"occurred_at\":\"2023-11-20T08:00:00Z\"}");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    client.cardStatus("card_id=ZYWKILLNEXT").status())
                            .isEqualTo(200));
            client.awaitIdle();
            assertThat(client.cardStatus("card_id=ZYWKILL000001").status()).isEqualTo(404);
            assertThat(client.cardStatus("card_id=ZYWKILL" + String.format("%06d", ROWS))
                            .status())
                    .isEqualTo(404);

            PipelineClient.Answer again = client.upload(restarted.url(), "kill-pickup.csv", file, Map.of());
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body().get("rows_accepted").asLong()).isEqualTo(ROWS);
            client.awaitIdle();
        }
        assertThat(upload.handle((answer, error) -> answer == null ? 0 : answer.status())
                        .get())
                .isNotEqualTo(201);
        for (int card : new int[] {1, ROWS / 2, ROWS}) {
            JsonNode status = client.cardStatus("card_id=ZYWKILL" + String.format("%06d", card))
                    .body();
            assertThat(status.get("status").asString()).isEqualTo("PICKED_UP");
            assertThat(status.get("history")).hasSize(1);
        }
    }

    private static JsonNode processing(PipelineClient client, String ingestUrl) {
        for (JsonNode upload : client.get(ingestUrl + "/uploads?limit=5").body()) {
            if (upload.get("file").asString().equals("kill-pickup.csv")
                    && upload.get("state").asString().equals("PROCESSING")) {
                return upload;
            }
        }
        return null;
    }

    private static byte[] pickups(int rows) {
        StringBuilder csv = new StringBuilder("ID,Card ID,User Mobile,Timestamp\n");
        for (int i = 1; i <= rows; i++) {
            csv.append('K')
                    .append(i)
                    .append(",ZYWKILL")
                    .append(String.format("%06d", i))
                    .append(",05")
                    .append(10_000_000 + i)
                    .append(",12-11-2023 10:00\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
