package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** What ops see when they upload: reports with every row accounted for, and clear refusals. */
@ExtendWith(PipelineExtension.class)
class UploadIntegrationTests {

    private PipelineClient client;
    private Pipeline pipeline;

    @BeforeEach
    void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
        client = new PipelineClient(pipeline);
    }

    @Test
    void reportsAcceptedRejectedAndWarnedRowsAndKeepsTheReport() {
        String file = "ID,Card ID,User contact,Timestamp\r\nR1,ZYWREP1,9.71535E+11,14-11-2023 12:00PM\r\n"
                + "R2,,0501234567,14-11-2023 12:00PM\r\nR3,ZYWREP3,0501234567,31-02-2024 10:00\r\n";

        PipelineClient.Answer answer =
                client.upload("report-returned.csv", file.getBytes(StandardCharsets.UTF_8), Map.of());

        JsonNode report = answer.body();
        assertThat(answer.status()).isEqualTo(201);
        assertThat(report.get("kind").asString()).isEqualTo("RETURNED");
        assertThat(report.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("rows_total").asInt()).isEqualTo(3);
        assertThat(report.get("rows_accepted").asInt()).isEqualTo(1);
        assertThat(report.get("rows_rejected").asInt()).isEqualTo(2);
        assertThat(report.get("warnings").get(0).asString()).startsWith("line 2: phone '9.71535E+11' was mangled");
        assertThat(report.get("rejections"))
                .extracting(r -> r.get("line").asInt() + ": " + r.get("reason").asString())
                .containsExactly(
                        "3: line 3: card ID is empty",
                        "4: line 4: timestamp '31-02-2024 10:00' is not a real date and time: Invalid date 'FEBRUARY 31'");
        PipelineClient.Answer later = client.get(
                pipeline.ingestUrl() + "/uploads/" + report.get("upload_id").asString());
        assertThat(later.body()).isEqualTo(report);
    }

    @Test
    void recordsWhoUploadedAFileInTheReportAndOnEveryEvent() {
        String file = "Card ID,Timestamp\nZYWWHO1,12-11-2023 10:00\n";
        String token = pipeline.issuer().token("svc-reconciliation", List.of("cardstatus.ops"), null);

        JsonNode byKey = client.upload("who-pickup.csv", file.getBytes(StandardCharsets.UTF_8), Map.of())
                .body();
        PipelineClient.Answer byToken = client.send(
                HttpMethod.POST,
                pipeline.ingestUrl() + "/uploads",
                Map.of("Authorization", "Bearer " + token),
                MediaType.MULTIPART_FORM_DATA,
                form("who2-pickup.csv", "Card ID,Timestamp\nZYWWHO2,12-11-2023 10:00\n"));

        assertThat(byKey.get("uploaded_by").asString()).isEqualTo("ops-test");
        assertThat(byToken.status()).isEqualTo(201);
        assertThat(byToken.body().get("uploaded_by").asString()).isEqualTo("jwt:svc-reconciliation");
        assertThat(client.get(pipeline.ingestUrl() + "/uploads/"
                                + byKey.get("upload_id").asString())
                        .body()
                        .get("uploaded_by")
                        .asString())
                .isEqualTo("ops-test");
        assertThat(client.get(pipeline.ingestUrl() + "/uploads?limit=50").body())
                .anySatisfy(upload ->
                        assertThat(upload.get("uploaded_by").asString()).isEqualTo("jwt:svc-reconciliation"));
        TopicReader topics = new TopicReader(pipeline);
        for (String card : List.of("ZYWWHO1", "ZYWWHO2")) {
            CardEvent event = Json.MAPPER.readValue(
                    topics.awaitRecords(EventType.PICKED_UP.topic(), record -> TopicReader.keyed(record, card))
                            .get(0)
                            .value(),
                    CardEvent.class);
            assertThat(event.source().caller())
                    .as(card)
                    .isEqualTo(card.equals("ZYWWHO1") ? "ops-test" : "jwt:svc-reconciliation");
        }
    }

    @Test
    void usesTheKindAndTimezoneParameters() {
        String file = "Card ID,Timestamp\nZYWTZ1,12-11-2023 10:00\n";

        JsonNode report = client.upload(
                        "cards.csv",
                        file.getBytes(StandardCharsets.UTF_8),
                        Map.of("kind", "pickup", "timezone", "Europe/London"))
                .body();

        assertThat(report.get("kind").asString()).isEqualTo("PICKED_UP");
        assertThat(report.get("rows_accepted").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAFileOfUnknownKindAndRecordsTheRefusal() {
        PipelineClient.Answer answer =
                client.upload("cards.csv", "Card ID,Timestamp\n".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error").asString()).isEqualTo("unknown_kind");
        assertThat(answer.body().get("message").asString())
                .isEqualTo("file name 'cards.csv' does not name a kind; "
                        + "pass kind=pickup|exception|delivered|returned or put one of those words in the file name");
        JsonNode kept = client.get(pipeline.ingestUrl() + "/uploads/"
                        + answer.body().get("upload_id").asString())
                .body();
        assertThat(kept.get("state").asString()).isEqualTo("REFUSED");
    }

    @Test
    void refusesAFileMissingARequiredColumnNamingTheHeadersFound() {
        PipelineClient.Answer answer = client.upload(
                "pickup.csv", "ID,Card,Mobile\n1,ZYW1,0501234567\n".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error").asString()).isEqualTo("missing_column");
        assertThat(answer.body().get("message").asString())
                .isEqualTo("required column Timestamp is missing; found headers ['ID', 'Card', 'Mobile']");
    }

    @Test
    void refusesBadParameters() {
        PipelineClient.Answer zone = client.upload(
                "pickup.csv",
                "Card ID,Timestamp\n".getBytes(StandardCharsets.UTF_8),
                Map.of("timezone", "Mars/Olympus"));
        PipelineClient.Answer kind = client.upload(
                "pickup.csv", "Card ID,Timestamp\n".getBytes(StandardCharsets.UTF_8), Map.of("kind", "lost"));

        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.body().get("error").asString()).isEqualTo("invalid_timezone");
        assertThat(kind.status()).isEqualTo(422);
        assertThat(kind.body().get("message").asString())
                .isEqualTo("kind 'lost' is not one of pickup, exception, delivered, returned");
    }

    @Test
    void refusesAnUploadWithoutAFile() {
        PipelineClient.Answer answer = RestClient.create()
                .post()
                .uri(pipeline.ingestUrl() + "/uploads")
                .header("X-API-Key", TestCredentials.OPS_KEY)
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                .body(new LinkedMultiValueMap<>(Map.of("kind", java.util.List.of("pickup"))))
                .exchange((request, response) -> new PipelineClient.Answer(
                        response.getStatusCode().value(),
                        com.zywa.cardstatus.contract.Json.MAPPER.readTree(response.getBody())));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asString()).isEqualTo("missing_file");
    }

    @Test
    void readsASecondPartnerWithItsOwnHabitsFromConfiguration() {
        String file = "Parcel Card,Mobile,Time\nZYWFAST1,07700 900123,11-12-2023 10:00 AM\n";

        JsonNode report = client.upload(
                        "fast-pickup.csv", file.getBytes(StandardCharsets.UTF_8), Map.of("partner", "fastcourier"))
                .body();

        assertThat(report.get("partner").asString()).isEqualTo("fastcourier");
        assertThat(report.get("rows_accepted").asInt()).as(report.toString()).isEqualTo(1);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    PipelineClient.Answer answer = client.cardStatus("card_id=ZYWFAST1");
                    assertThat(answer.status()).isEqualTo(200);
                    JsonNode card = answer.body();
                    assertThat(card.get("status_at").asString()).isEqualTo("2023-11-12T10:00:00Z");
                    assertThat(card.get("user_phone").asString()).isEqualTo("+447700900123");
                });
    }

    @Test
    void refusesAnUnknownPartner() {
        PipelineClient.Answer answer = client.upload(
                "pickup.csv", "Card ID,Timestamp\n".getBytes(StandardCharsets.UTF_8), Map.of("partner", "nobody"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asString())
                .isEqualTo(
                        "partner 'nobody' is not configured; known partners: [default, fastcourier, ratetest, swiftpost]");
    }

    @Test
    void refusesAFileOverTheSizeLimitWith413() {
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');

        PipelineClient.Answer answer = client.upload("big-pickup.csv", big, Map.of());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("error").asString()).isEqualTo("file_too_large");
    }

    @Test
    void listsRecentUploadsAndPagesTheirIssues() {
        StringBuilder file = new StringBuilder("Card ID,Timestamp\n");
        for (int i = 0; i < 250; i++) {
            file.append("ZYWPAGE").append(i).append(",not a time\n");
        }
        String id = client.upload("paged-pickup.csv", file.toString().getBytes(StandardCharsets.UTF_8), Map.of())
                .body()
                .get("upload_id")
                .asString();

        JsonNode third = client.get(pipeline.ingestUrl() + "/uploads/" + id + "?page=2&size=100")
                .body();
        JsonNode recent =
                client.get(pipeline.ingestUrl() + "/uploads?limit=200").body();

        assertThat(third.get("rows_rejected").asInt()).isEqualTo(250);
        assertThat(third.get("rejections")).hasSize(50);
        assertThat(third.get("rejections").get(0).get("line").asInt()).isEqualTo(202);
        assertThat(recent)
                .extracting(upload -> upload.get("upload_id").asString())
                .contains(id);
    }

    @Test
    void answersUnknownAndMalformedUploadIds() {
        assertThat(client.get(pipeline.ingestUrl() + "/uploads/6f1d1a56-0000-4000-8000-000000000000")
                        .status())
                .isEqualTo(404);
        assertThat(client.get(pipeline.ingestUrl() + "/uploads/not-an-id")
                        .body()
                        .get("error")
                        .asString())
                .isEqualTo("invalid_upload_id");
    }

    private static LinkedMultiValueMap<String, Object> form(String fileName, String content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return form;
    }
}
