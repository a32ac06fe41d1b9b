package com.zywa.cardstatus.system;

import static com.zywa.cardstatus.system.TopicReader.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Phones at ingest's edge on the real pipeline (contract §12): a record ingest consumed from {@code partner.events} is
 * published with its phone sealed and deleted from the broker soon after (the pipeline deletes every second), and an upload's events and its rejected row
 * hold no phone in clear, in the raw bytes of the event topics and {@code card.rejects}: the phone is sealed and
 * opens to E.164, the rejected row's raw text is sealed under its phone's key.
 */
@ExtendWith(PipelineExtension.class)
class IngestPersonalDataIntegrationTests {

    @Test
    void aRecordIngestConsumedFromPartnerEventsIsDeletedFromTheBroker(Pipeline pipeline) throws Exception {
        String card = "ZYWPDD" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                Topics.PARTNER_EVENTS,
                bytes(card),
                bytes("{\"specversion\":\"1.0\",\"id\":\"" + card + "\",\"source\":\"/partners/default\","
                        + "\"type\":\"com.zywa.card.picked-up\",\"time\":\"2023-11-20T09:00:00Z\",\"subject\":\""
                        + card + "\",\"datacontenttype\":\"application/json\",\"data\":{\"phone\":\"0585550100\"}}"));
        record.headers().add("content-type", bytes("application/cloudevents+json"));
        RecordMetadata written;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", pipeline.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            written = producer.send(record).get();
        }
        TopicPartition partition = new TopicPartition(written.topic(), written.partition());

        ConsumerRecord<byte[], byte[]> published = new TopicReader(pipeline)
                .awaitRecords(EventType.PICKED_UP.topic(), consumed -> TopicReader.keyed(consumed, card))
                .get(0);
        assertThat(new String(published.value(), StandardCharsets.UTF_8))
                .as("the event it became, phone sealed")
                .doesNotContain("585550100")
                .contains(SealedPhones.PHONE_PREFIX);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(admin.listOffsets(Map.of(partition, OffsetSpec.earliest()))
                                    .partitionResult(partition)
                                    .get()
                                    .offset())
                            .as("the beginning of %s", partition)
                            .isGreaterThan(written.offset()));
        }
    }

    @Test
    void anUploadsEventsAndRejectedRowHoldNoPhoneInClear(Pipeline pipeline) {
        String card = "ZYWPDU" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        PipelineClient client = new PipelineClient(pipeline);
        String upload = client.upload(
                        "personal-data.csv",
                        bytes("Card ID,User Mobile,Timestamp\r\n" + card + ",0585550101,12-11-2023 10:00\r\n"
                                + ",0585550102,12-11-2023 10:00\r\n"),
                        Map.of("kind", "pickup"))
                .body()
                .get("upload_id")
                .asString();
        TopicReader topics = new TopicReader(pipeline);
        topics.awaitRecords(Topics.REJECTS, rejected -> TopicReader.keyed(rejected, upload));

        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (EventType type : EventType.values()) {
            records.addAll(topics.read(type.topic(), event -> TopicReader.keyed(event, card)));
        }
        records.addAll(topics.read(Topics.REJECTS, rejected -> TopicReader.keyed(rejected, upload)));

        assertThat(records).hasSize(2);
        assertThat(records)
                .as("raw bytes of the event and the rejected row")
                .allSatisfy(raw -> assertThat(new String(raw.value(), StandardCharsets.UTF_8))
                        .doesNotContain("585550101")
                        .doesNotContain("585550102"));
        PhoneVault vault = pipeline.ingest.getBean(PhoneVault.class);
        CardEvent event = Json.MAPPER.readValue(records.get(0).value(), CardEvent.class);
        assertThat(SealedPhones.isSealedPhone(event.phone())).isTrue();
        assertThat(vault.open(event.phone())).isEqualTo("+971585550101");
        RejectedRow rejected = Json.MAPPER.readValue(records.get(1).value(), RejectedRow.class);
        assertThat(SealedPhones.keyId(rejected.raw()))
                .as("sealed under the key of its phone field")
                .isEqualTo(SealedPhones.keyId(vault.seal("+971585550102")));
        assertThat(vault.open(rejected.raw())).isEqualTo(",0585550102,12-11-2023 10:00");
    }
}
