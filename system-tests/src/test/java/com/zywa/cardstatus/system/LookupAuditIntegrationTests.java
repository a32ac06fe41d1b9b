package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.support.security.TestCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Lookups on the real pipeline (contract §12.1): a burst of lookups by one caller (a reader token held to 5 lookups
 * an hour by the pipeline's settings) gets 429 with {@code Retry-After}, and the audit, read by ops, lists that caller
 * and the card it was answered, found by the phone too, without the phone.
 */
@ExtendWith(PipelineExtension.class)
class LookupAuditIntegrationTests {

    @Test
    void aBurstOfLookupsGets429AndTheAuditListsTheCallerAndTheCard(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        String card = "ZYWAUD" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String national = "05" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        client.upload(
                "audit-pickup.csv",
                ("ID,Card ID,User Mobile,Timestamp\n1," + card + "," + national + ",20-11-2023 10:00\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(client.get(pipeline.apiUrl() + "/api/v1/cards/" + card)
                                .status())
                        .isEqualTo(200));
        String token = pipeline.issuer().token(Pipeline.LOOKUP_BURST_SUBJECT, List.of("cardstatus.reader"), null);

        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 6; i++) {
            var answer = search(pipeline, token, national);
            statuses.add(answer.status());
            retryAfter = answer.retryAfter();
        }

        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
        assertThat(retryAfter).as("Retry-After of the 429").isEqualTo("720"); // one of 5 an hour: every 12 minutes
        PipelineClient.Answer audit = client.get(pipeline.apiUrl() + "/api/v1/lookup-audit?caller=jwt:"
                + Pipeline.LOOKUP_BURST_SUBJECT + "&card_id=" + card);
        assertThat(audit.status()).as("a reader may not read the audit").isEqualTo(403);
        PipelineClient.Answer entries = client.send(
                HttpMethod.GET,
                pipeline.apiUrl() + "/api/v1/lookup-audit?card_id=" + card + "&phone=" + national,
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                null,
                null);
        assertThat(entries.status()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        entries.body().get("entries").forEach(found::add);
        assertThat(found)
                .filteredOn(entry -> entry.get("caller").asString().equals("jwt:" + Pipeline.LOOKUP_BURST_SUBJECT))
                .hasSize(5)
                .allSatisfy(entry -> {
                    assertThat(entry.get("card_id").asString()).isEqualTo(card);
                    assertThat(entry.get("lookup").asString()).isEqualTo("phone");
                    assertThat(entry.get("phone_hash").asString()).hasSize(64);
                });
        assertThat(entries.body().toString()).doesNotContain(national.substring(1));
    }

    /** The status and Retry-After of a search by phone in the body, as the token's caller. */
    private static Search search(Pipeline pipeline, String token, String phone) {
        return RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .build()
                .post()
                .uri(URI.create(pipeline.apiUrl() + "/api/v1/cards/search"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"phone\":\"" + phone + "\"}")
                .exchange((request, response) -> new Search(
                        response.getStatusCode().value(), response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
    }

    private record Search(int status, String retryAfter) {}
}
