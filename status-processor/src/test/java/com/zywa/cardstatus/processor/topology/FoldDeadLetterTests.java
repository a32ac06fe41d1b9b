package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.JsonSerde;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.fold.ReasonMappingFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** The fold configured with the dead-letter handlers {@link StreamsSetup} gives Kafka Streams. */
class FoldDeadLetterTests {

    private static final String TOPIC = EventType.PICKED_UP.topic();

    private final List<ProducerRecord<byte[], byte[]>> setAside = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, String> statuses;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        CardStatusTopology.build(builder, FoldReasons.fixed(ReasonMappingFile.shippedDefault()));
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        StreamsSetup.setAsideFailures(config, setAside::add);
        Properties properties = new Properties();
        properties.putAll(config);
        driver = new TopologyTestDriver(builder.build(), properties);
        input = driver.createInputTopic(TOPIC, new StringSerializer(), new ByteArraySerializer());
        statuses = driver.createOutputTopic(Topics.STATUS, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void setsAsideUnreadableBytesWithTheReasonAndFoldsTheNextEvent() {
        input.pipeInput("ZYW8890", "not json".getBytes(StandardCharsets.UTF_8));
        pipe(pickedUp("ZYW8890"));

        assertThat(setAside).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.EVENTS_DLT);
            assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("ZYW8890");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
            assertThat(text(dead.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                    .startsWith("could not read the event: ")
                    .contains("not a CardEvent JSON document");
            assertThat(text(dead.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            assertThat(text(dead.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        });
        assertThat(statuses.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("ZYW8890");
    }

    @Test
    void setsAsideAnEventWhoseProcessingFailsAndGoesOnWithTheSameAndOtherCards() {
        byte[] poison = json(pickedUp("ZYW8890"))
                .replaceFirst("\"event_id\":\"[^\"]+\"", "\"event_id\":\"not-a-uuid\"")
                .getBytes(StandardCharsets.UTF_8);
        input.pipeInput("ZYW8890", poison);
        pipe(pickedUp("ZYW8890"));
        pipe(pickedUp("ZYW8890"));
        pipe(pickedUp("ZYW7631"));

        assertThat(setAside).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.EVENTS_DLT);
            assertThat(dead.value()).isEqualTo(poison);
            assertThat(text(dead.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                    .contains("processing failed in fold")
                    .contains("not-a-uuid");
            assertThat(text(dead.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        });
        assertThat(statuses.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("ZYW8890", "ZYW7631");
    }

    private void pipe(CardEvent event) {
        input.pipeInput(event.cardId(), json(event).getBytes(StandardCharsets.UTF_8));
    }

    private static String json(CardEvent event) {
        return new String(JsonSerde.cardEvents().serializer().serialize(TOPIC, event), StandardCharsets.UTF_8);
    }

    private static String text(Headers headers, String name) {
        return headers.lastHeader(name) == null
                ? null
                : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static CardEvent pickedUp(String card) {
        return CardEvent.of(
                EventType.PICKED_UP,
                card,
                null,
                Instant.parse("2023-11-12T19:59:00Z"),
                null,
                "332",
                EventSource.api("default", "test"));
    }
}
