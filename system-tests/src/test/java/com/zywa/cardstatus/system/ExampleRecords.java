package com.zywa.cardstatus.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real records of an earlier schema version, kept under {@code src/test/resources/records/v<N>/} as the code of that
 * version wrote them (captured from its topics, one per topic and message): their key, headers (UTF-8 text, or base64
 * for binary ones such as the dead letters' partition and offset) and value (JSON, or base64 when it is not JSON).
 */
final class ExampleRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One kept record: the topic and message it was written as, and the record itself. */
    record Example(String file, String topic, String message, ConsumerRecord<byte[], byte[]> record) {

        /** The value as the JSON document it is. */
        JsonNode value() {
            return JSON.readTree(record.value());
        }
    }

    private ExampleRecords() {}

    /** Every record kept of schema version {@code version}. */
    static List<Example> of(int version) {
        try (Stream<Path> files = Files.list(directory(version))) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .map(ExampleRecords::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record kept of {@code topic}'s {@code message} in version {@code version}. */
    static Optional<Example> of(int version, String topic, String message) {
        return of(version).stream()
                .filter(example ->
                        example.topic().equals(topic) && example.message().equals(message))
                .findFirst();
    }

    private static Path directory(int version) {
        try {
            return Path.of(
                    ExampleRecords.class.getResource("/records/v" + version).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Example read(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            RecordHeaders headers = new RecordHeaders();
            node.path("headers")
                    .forEach(header -> headers.add(
                            header.path("name").asString(),
                            header.has("text")
                                    ? header.path("text").asString().getBytes(StandardCharsets.UTF_8)
                                    : Base64.getDecoder()
                                            .decode(header.path("base64").asString())));
            byte[] value = node.has("value")
                    ? JSON.writeValueAsBytes(node.get("value"))
                    : Base64.getDecoder().decode(node.path("value_base64").asString());
            String key = node.path("key").isNull() ? null : node.path("key").asString();
            String topic = node.path("topic").asString();
            ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                    topic,
                    0,
                    0,
                    0,
                    TimestampType.CREATE_TIME,
                    0,
                    value.length,
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value,
                    headers,
                    Optional.empty());
            return new Example(
                    file.getFileName().toString(), topic, node.path("message").asString(), record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
