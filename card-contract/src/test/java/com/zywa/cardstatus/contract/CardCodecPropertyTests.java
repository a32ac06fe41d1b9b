package com.zywa.cardstatus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming codecs of events and statuses agree with databind, the reference they replace: the same bytes out,
 * the same record back from anything databind writes, in any field order, with unknown fields or absent ones.
 */
class CardCodecPropertyTests {

    private static final int EXAMPLES = 1_000;

    @Test
    void writesTheBytesDatabindWritesForAnyEvent() {
        qt().withExamples(EXAMPLES)
                .forAll(ContractGens.events())
                .checkAssert(
                        event -> assertSameBytes(CardEventCodec.write(event), Json.MAPPER.writeValueAsBytes(event)));
    }

    @Test
    void readsAnyEventDatabindWritesItselfAsThatEvent() {
        qt().withExamples(EXAMPLES)
                .forAll(ContractGens.events())
                .checkAssert(event -> assertThat(CardEventCodec.read(Json.MAPPER.writeValueAsBytes(event)))
                        .isEqualTo(event));
    }

    @Test
    void writesTheBytesDatabindWritesForAnyStatus() {
        qt().withExamples(EXAMPLES)
                .forAll(ContractGens.statuses())
                .checkAssert(status ->
                        assertSameBytes(CardStatusCodec.write(status), Json.MAPPER.writeValueAsBytes(status)));
    }

    @Test
    void readsAnyStatusDatabindWritesItselfAsThatStatus() {
        qt().withExamples(EXAMPLES)
                .forAll(ContractGens.statuses())
                .checkAssert(status -> assertThat(CardStatusCodec.read(Json.MAPPER.writeValueAsBytes(status)))
                        .isEqualTo(status));
    }

    @Test
    void writesEachHistoryInABatchAsTheStatusCarriesIt() {
        qt().withExamples(300)
                .forAll(ContractGens.statuses().zip(ContractGens.statuses(), List::of))
                .checkAssert(statuses -> assertThat(CardStatusCodec.histories(statuses))
                        .isEqualTo(Json.MAPPER.writeValueAsString(
                                statuses.stream().map(CardStatus::history).toList())));
    }

    @Test
    void readsAnEventWithItsFieldsShuffledUnknownOnesAddedAndNullOnesLeftOutItselfAsDatabindDoes() {
        qt().withExamples(EXAMPLES).forAll(ContractGens.events(), longs().all()).checkAssert((event, seed) -> {
            byte[] json = reshaped(Json.MAPPER.valueToTree(event), new Random(seed));

            assertThat(CardEventCodec.read(json))
                    .isEqualTo(Json.MAPPER.readValue(json, CardEvent.class))
                    .isEqualTo(event);
        });
    }

    @Test
    void readsAStatusWithItsFieldsShuffledUnknownOnesAddedAndNullOnesLeftOutItselfAsDatabindDoes() {
        qt().withExamples(EXAMPLES)
                .forAll(ContractGens.statuses(), longs().all())
                .checkAssert((status, seed) -> {
                    byte[] json = reshaped(Json.MAPPER.valueToTree(status), new Random(seed));

                    assertThat(CardStatusCodec.read(json))
                            .isEqualTo(Json.MAPPER.readValue(json, CardStatus.class))
                            .isEqualTo(status);
                });
    }

    @Test
    void anEventDocumentWithRandomEditsIsReadOrRefusedExactlyAsDatabindDoes() {
        JsonSerde<CardEvent> serde = JsonSerde.cardEvents();
        qt().withExamples(EXAMPLES)
                .forAll(ContractGens.events(), longs().all())
                .checkAssert((event, seed) -> assertSameOutcome(
                        edited(Json.MAPPER.writeValueAsBytes(event), new Random(seed)),
                        CardEvent.class,
                        bytes -> serde.deserializer().deserialize("t", bytes)));
    }

    @Test
    void aStatusDocumentWithRandomEditsIsReadOrRefusedExactlyAsDatabindDoes() {
        JsonSerde<CardStatus> serde = new JsonSerde<>(CardStatus.class);
        qt().withExamples(EXAMPLES)
                .forAll(ContractGens.statuses(), longs().all())
                .checkAssert((status, seed) -> assertSameOutcome(
                        edited(Json.MAPPER.writeValueAsBytes(status), new Random(seed)),
                        CardStatus.class,
                        bytes -> serde.deserializer().deserialize("t", bytes)));
    }

    private static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    private static <T> void assertSameOutcome(byte[] json, Class<T> type, Function<byte[], T> read) {
        Object expected;
        try {
            expected = Json.MAPPER.readValue(json, type);
        } catch (RuntimeException refused) {
            expected = refused.getClass();
        }
        Object actual;
        try {
            actual = read.apply(json);
        } catch (SerializationException refused) {
            actual = refused.getCause().getClass();
        }
        assertThat(actual).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    /** The document with its fields (at every level) shuffled, null ones dropped at random, unknown ones added. */
    private static byte[] reshaped(JsonNode document, Random random) {
        JsonNode shaped = reshape(document, random);
        return random.nextBoolean()
                ? Json.MAPPER.writeValueAsBytes(shaped)
                : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(shaped);
    }

    private static JsonNode reshape(JsonNode node, Random random) {
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(reshape(element, random)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        Collections.shuffle(fields, random);
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : fields) {
            if (random.nextInt(4) == 0) {
                object.set("x_unknown_" + random.nextInt(1000), unknownValue(random));
            }
            if (!(field.getValue().isNull() && random.nextBoolean())) {
                object.set(field.getKey(), reshape(field.getValue(), random));
            }
        }
        return object;
    }

    private static JsonNode unknownValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> JsonNodeFactory.instance.textNode("+971501234567");
            case 1 -> Json.MAPPER.readTree("{\"a\":[1,{\"b\":null}],\"card_id\":\"X\"}");
            case 2 -> Json.MAPPER.readTree("[\"history\",[],{}]");
            default -> JsonNodeFactory.instance.numberNode(random.nextLong());
        };
    }

    /** One to three random edits (a byte deleted, duplicated or replaced by a JSON-ish one). */
    private static byte[] edited(byte[] json, Random random) {
        byte[] alphabet = "{}[]\":,0123456789-.eE nulltrfasxZ\\".getBytes(StandardCharsets.US_ASCII);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : json) {
            bytes.add(b);
        }
        for (int edits = 1 + random.nextInt(3); edits > 0 && !bytes.isEmpty(); edits--) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(3)) {
                case 0 -> bytes.remove(at);
                case 1 -> bytes.add(at, bytes.get(at));
                default -> bytes.set(at, alphabet[random.nextInt(alphabet.length)]);
            }
        }
        byte[] result = new byte[bytes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = bytes.get(i);
        }
        return result;
    }
}
