package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardStatus;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Erasure through status-api on the real pipeline (contract §12): a card uploaded with a phone is found by it; ops
 * erase the phone (201, a receipt without the phone); the phone then finds nothing (404), the card keeps its status
 * with no phone, the lookup audit no longer finds its lookups by phone, and a new event with a new phone works; a
 * projection rebuild afterwards keeps the card, still without its phone.
 */
@ExtendWith(PipelineExtension.class)
class ErasureIntegrationTests {

    @Test
    void anErasedPhoneFindsNothingItsCardKeepsItsStatusAndANewPhoneWorks(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String card = "ZYWERA" + random.nextInt(100_000, 1_000_000);
        String phone = "05" + random.nextInt(10_000_000, 100_000_000);
        String newPhone = "05" + random.nextInt(10_000_000, 100_000_000);
        client.upload(
                "erasure-pickup.csv",
                ("ID,Card ID,User Mobile,Timestamp\n1," + card + "," + phone + ",20-11-2023 10:00\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        awaitFound(client, phone);
        assertThat(client.cardStatus("card_id=" + card).body().get("user_phone").asString())
                .isEqualTo(e164(phone));

        PipelineClient.Answer erased = erase("{\"phone\":\"" + phone + "\"}", client, pipeline);

        assertThat(erased.status()).isEqualTo(201);
        assertThat(erased.body().get("by").asString()).isEqualTo("phone");
        assertThat(erased.body().get("keys_erased").asInt()).isEqualTo(1);
        assertThat(erased.body().get("cards").toString()).isEqualTo("[\"" + card + "\"]");
        assertThat(erased.body().get("caller").asString()).isEqualTo("ops-test");
        assertThat(erased.body().get("stores").toString()).contains("kafka:card.status", "postgresql:card_status");
        assertThat(erased.body().toString()).doesNotContain(phone.substring(1));
        String id = erased.body().get("id").asString();

        assertThat(client.cardStatus("user_phone=" + phone).status()).isEqualTo(404);
        PipelineClient.Answer kept = client.cardStatus("card_id=" + card);
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body().get("user_phone").isNull()).isTrue();
        assertThat(kept.body().get("status").asString()).isEqualTo("PICKED_UP");
        assertThat(ops(client, pipeline.apiUrl() + "/api/v1/lookup-audit?card_id=" + card + "&phone=" + phone)
                        .body()
                        .get("entries")
                        .size())
                .as("the lookups before the erasure are no longer found by the phone")
                .isZero();
        List<JsonNode> byPhoneBefore = new ArrayList<>();
        ops(client, pipeline.apiUrl() + "/api/v1/lookup-audit?card_id=" + card)
                .body()
                .get("entries")
                .forEach(entry -> {
                    if (entry.get("lookup").asString().equals("phone")) {
                        byPhoneBefore.add(entry);
                    }
                });
        assertThat(byPhoneBefore)
                .as("they stay, without the phone's hash")
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.hasNonNull("phone_hash")).isFalse());
        PipelineClient.Answer receipt = ops(client, pipeline.apiUrl() + "/api/v1/erasures/" + id);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body().get("cards").toString()).isEqualTo("[\"" + card + "\"]");
        List<String> latest = new ArrayList<>();
        ops(client, pipeline.apiUrl() + "/api/v1/erasures?limit=1000")
                .body()
                .get("erasures")
                .forEach(entry -> latest.add(entry.get("id").asString()));
        assertThat(latest).contains(id);
        assertThat(erase("{\"phone\":\"" + phone + "\"}", client, pipeline)
                        .body()
                        .get("keys_erased")
                        .asInt())
                .as("a phone the service no longer keeps")
                .isZero();

        client.upload(
                "erasure-delivered.csv",
                ("ID,Card ID,User Mobile,Timestamp\n2," + card + "," + newPhone + ",21-11-2023 10:00\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                client.cardStatus("user_phone=" + newPhone).status())
                        .isEqualTo(200));
        PipelineClient.Answer renewed = client.cardStatus("card_id=" + card);
        assertThat(renewed.body().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(renewed.body().get("user_phone").asString()).isEqualTo(e164(newPhone));
        assertThat(client.cardStatus("user_phone=" + phone).status()).isEqualTo(404);
    }

    @Test
    void erasesACardsPhoneByItsCardId(Pipeline pipeline) {
        PipelineClient client = new PipelineClient(pipeline);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String card = "ZYWERB" + random.nextInt(100_000, 1_000_000);
        String phone = "05" + random.nextInt(10_000_000, 100_000_000);
        client.upload(
                "erasure-card-pickup.csv",
                ("ID,Card ID,User Mobile,Timestamp\n1," + card + "," + phone + ",20-11-2023 10:00\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        awaitFound(client, phone);

        PipelineClient.Answer erased = erase("{\"card_id\":\"" + card + "\"}", client, pipeline);

        assertThat(erased.status()).isEqualTo(201);
        assertThat(erased.body().get("by").asString()).isEqualTo("card");
        assertThat(erased.body().get("card_id").asString()).isEqualTo(card);
        assertThat(erased.body().get("keys_erased").asInt()).isEqualTo(1);
        assertThat(client.cardStatus("user_phone=" + phone).status()).isEqualTo(404);
        assertThat(client.cardStatus("card_id=" + card).body().get("user_phone").isNull())
                .isTrue();
        assertThat(erase("{\"card_id\":\"ZYWNONE0\"}", client, pipeline).status())
                .isEqualTo(404);
    }

    @Test
    void aRebuildAfterAnErasureKeepsTheCardWithoutItsPhone(Pipeline pipeline) throws Exception {
        PipelineClient client = new PipelineClient(pipeline);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String card = "ZYWERC" + random.nextInt(100_000, 1_000_000);
        String phone = "05" + random.nextInt(10_000_000, 100_000_000);
        // a status as the fold publishes it from an event ingest sealed: the phone sealed under its data key
        String sealed = pipeline.processor.getBean(PhoneVault.class).seal(e164(phone));
        CardStatus status = StatusRecords.beforeReasons(
                card, EventType.DELIVERY_EXCEPTION, Instant.parse("2023-11-13T10:00:00Z"), sealed, "not home", 1, 1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", pipeline.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.STATUS, card, Json.MAPPER.writeValueAsBytes(status)))
                    .get();
        }
        awaitFound(client, phone);
        assertThat(erase("{\"phone\":\"" + phone + "\"}", client, pipeline).status())
                .isEqualTo(201);

        PipelineClient.Answer started = client.send(
                HttpMethod.POST,
                pipeline.apiUrl() + "/api/v1/projection/rebuilds",
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                MediaType.APPLICATION_JSON,
                "{\"mode\":\"reproject\"}");
        assertThat(started.status()).isEqualTo(202);
        String rebuild = pipeline.apiUrl() + "/api/v1/projection/rebuilds/"
                + started.body().get("id").asString();
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(
                                ops(client, rebuild).body().get("state").asString())
                        .isEqualTo("current"));

        PipelineClient.Answer kept = client.cardStatus("card_id=" + card);
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body().get("status").asString()).isEqualTo("DELIVERY_EXCEPTION");
        assertThat(kept.body().get("user_phone").isNull()).isTrue();
        assertThat(client.cardStatus("user_phone=" + phone).status()).isEqualTo(404);
    }

    /** Waits until the card is found by its phone. */
    private static void awaitFound(PipelineClient client, String phone) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                client.cardStatus("user_phone=" + phone).status())
                        .isEqualTo(200));
    }

    private static PipelineClient.Answer erase(String body, PipelineClient client, Pipeline pipeline) {
        return client.send(
                HttpMethod.POST,
                pipeline.apiUrl() + "/api/v1/erasures",
                Map.of("X-API-Key", TestCredentials.OPS_KEY),
                MediaType.APPLICATION_JSON,
                body);
    }

    private static PipelineClient.Answer ops(PipelineClient client, String url) {
        return client.send(HttpMethod.GET, url, Map.of("X-API-Key", TestCredentials.OPS_KEY), null, null);
    }

    private static String e164(String national) {
        return "+971" + national.substring(1);
    }
}
