package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.ingest.IngestProducerApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Files dropped in the inbox (as SFTP or a shared drive would) are ingested once fully written, moved to
 * processed/ or failed/ with a report beside them, and a restart in between loses and repeats nothing.
 */
@ExtendWith(PipelineExtension.class)
class DropFolderIntegrationTests {

    @Test
    void ingestsDroppedFilesMovesThemAndSurvivesARestart(Pipeline pipeline, @TempDir Path root) throws Exception {
        PipelineClient client = new PipelineClient(pipeline);
        Path inbox = root.resolve("drop/inbox");
        String[] args = Pipeline.args(
                pipeline.bootstrapServers(),
                pipeline.database(),
                "--cardstatus.ingest.instance-id=drop-test",
                "--cardstatus.ingest.drop-folder.enabled=true",
                "--cardstatus.ingest.drop-folder.root=" + root.resolve("drop"),
                "--cardstatus.ingest.drop-folder.poll-interval=PT0.2S",
                "--cardstatus.ingest.drop-folder.settle-time=PT0.5S");
        String first = "Card ID,User Mobile,Timestamp\nZYWDROP1,0501112233,20-11-2023 10:00\n";
        String second = "Card ID,User Mobile,Timestamp\nZYWDROP1,0501112233,21-11-2023 10:00\n";

        // a second ingest service in this JVM, stopped and started again like a redeployed instance
        try (ConfigurableApplicationContext ingest =
                IngestProducerApplication.application().run(args)) {
            drop(inbox, "drop-pickup.csv", first);
            drop(inbox, "unknown-kind.csv", first);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(root.resolve("drop/processed/drop-pickup.csv"))
                            && Files.exists(root.resolve("drop/failed/unknown-kind.csv")));
        }
        JsonNode report = Json.MAPPER.readTree(
                root.resolve("drop/processed/drop-pickup.csv.report.json").toFile());
        assertThat(report.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("rows_accepted").asInt()).isEqualTo(1);
        assertThat(report.get("uploaded_by").asString()).isEqualTo("drop-folder");
        assertThat(Json.MAPPER
                        .readTree(root.resolve("drop/failed/unknown-kind.csv.report.json")
                                .toFile())
                        .get("error")
                        .asString())
                .contains("does not name a kind");

        // while the service is down: a new file arrives, and the already ingested one reappears (as after a crash
        // between publishing and moving it)
        drop(inbox, "drop-delivered.csv", second);
        Files.copy(root.resolve("drop/processed/drop-pickup.csv"), inbox.resolve("drop-pickup.csv"));

        try (ConfigurableApplicationContext ingest =
                IngestProducerApplication.application().run(args)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(root.resolve("drop/processed/drop-delivered.csv")) && isEmpty(inbox));
            List<JsonNode> uploads = StreamSupport.stream(
                            client.get(Pipeline.url(ingest) + "/uploads?limit=100")
                                    .body()
                                    .spliterator(),
                            false)
                    .filter(u -> u.get("file").asString().equals("drop-pickup.csv"))
                    .toList();
            assertThat(uploads).as("the reappeared file is not ingested again").hasSize(1);
        }
        client.awaitIdle();
        JsonNode card = client.cardStatus("card_id=ZYWDROP1").body();
        assertThat(card.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(card.get("history")).hasSize(2);
    }

    /** Writes like an SFTP client: to a temporary name first, then renamed into place. */
    private static void drop(Path inbox, String name, String content) throws Exception {
        Files.createDirectories(inbox);
        Path partial = inbox.resolve(name + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isEmpty(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
