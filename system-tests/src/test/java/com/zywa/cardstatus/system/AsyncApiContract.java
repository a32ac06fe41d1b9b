package com.zywa.cardstatus.system;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The topics contract of {@code docs/asyncapi.yaml}, read as a consumer of the topics would read it: each channel's
 * messages with the JSON Schemas of their key, headers and value, so a test holds a real record to whatever the
 * document says applies to its topic (the document, not the test, picks the schemas).
 */
final class AsyncApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How a record fared: the first message of its channel it conforms to (null if none), else why not, by message. */
    record Conformance(String message, Map<String, List<String>> problems) {}

    private final URI location;
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build())
                    .resourceLoaders(loaders -> loaders.resources(AsyncApiContract::localFile)));
    /** The same schemas read as a reader that ignores unknown fields reads them: {@code additionalProperties} allowed. */
    private final SchemaRegistry tolerant = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build())
                    .resourceLoaders(loaders -> loaders.resources(AsyncApiContract::localFileAllowingUnknownFields)));

    private AsyncApiContract(URI location) {
        this.location = location;
        try (InputStream in = location.toURL().openStream()) {
            this.document = YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as the build copied it to the test classpath (with its schemas beside it). */
    static AsyncApiContract load() {
        try {
            return new AsyncApiContract(
                    AsyncApiContract.class.getResource("/docs/asyncapi.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** Every channel by its address (the topic's name). */
    Map<String, JsonNode> channels() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        document.path("channels")
                .forEach(channel -> channels.put(channel.path("address").asString(), channel));
        return channels;
    }

    /** {@code node}, or what its local {@code $ref} ({@code #/...}) points at. */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref != null && ref.asString().startsWith("#")
                ? resolve(document.at(ref.asString().substring(1)))
                : node;
    }

    /** The schema at JSON pointer {@code pointer} of the document, its file references resolved beside the document. */
    Schema schema(String pointer) {
        JsonNode node = document.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer + " of " + location);
        }
        return registry.getSchema(SchemaLocation.of(location + "#" + pointer), resolve(node));
    }

    /**
     * The schema at {@code pointer} as a reader that ignores fields it does not know holds a record to it: every
     * {@code additionalProperties: false} of it and of the files it refers to lifted (a record of a later version must
     * still pass an earlier version's schema read so).
     */
    Schema schemaAllowingUnknownFields(String pointer) {
        JsonNode node = document.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer + " of " + location);
        }
        return tolerant.getSchema(SchemaLocation.of(location + "#" + pointer), resolve(node));
    }

    /**
     * The channel of {@code topic}: the one whose address it is, or whose parameterized address
     * ({@code partner.events.{partner}}) matches it, a parameter standing for one name without dots.
     */
    JsonNode channel(String topic) {
        Map<String, JsonNode> channels = channels();
        if (channels.containsKey(topic)) {
            return channels.get(topic);
        }
        for (Map.Entry<String, JsonNode> channel : channels.entrySet()) {
            String pattern = Arrays.stream(channel.getKey().split("\\{[^}]+}", -1))
                    .map(Pattern::quote)
                    .collect(Collectors.joining("[^.]+"));
            if (channel.getKey().contains("{") && topic.matches(pattern)) {
                return channel.getValue();
            }
        }
        return null;
    }

    /** Holds {@code record} to each message its topic's channel may carry, in the document's order. */
    Conformance conform(ConsumerRecord<byte[], byte[]> record) {
        JsonNode channel = channel(record.topic());
        if (channel == null) {
            return new Conformance(
                    null, Map.of("(no channel)", List.of("topic " + record.topic() + " is undocumented")));
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : channel.path("messages").properties()) {
            String pointer = entry.getValue().has("$ref")
                    ? entry.getValue().get("$ref").asString().substring(1)
                    : "/channels/" + channelKey(record.topic()) + "/messages/" + entry.getKey();
            List<String> found = problems(record, pointer);
            if (found.isEmpty()) {
                return new Conformance(entry.getKey(), Map.of());
            }
            problems.put(entry.getKey(), found);
        }
        return new Conformance(null, problems);
    }

    private List<String> problems(ConsumerRecord<byte[], byte[]> record, String message) {
        JsonNode node = document.at(message);
        String contentType = node.path("contentType")
                .asString(document.path("defaultContentType").asString());
        List<String> problems = new ArrayList<>();
        JsonNode key = record.key() == null ? NODES.nullNode() : NODES.stringNode(utf8(record.key()));
        check("key", schema(message + "/bindings/kafka/key"), key, problems);
        check(
                "headers",
                schema(message + "/headers"),
                headers(record, integerHeaders(node.path("headers"), location)),
                problems);
        JsonNode value;
        if (record.value() == null) {
            value = NODES.nullNode();
        } else if (contentType.contains("json")) {
            try {
                value = JSON.readTree(record.value());
            } catch (JacksonException e) {
                problems.add("value: not JSON (" + e.getOriginalMessage() + ")");
                return problems;
            }
        } else {
            value = NODES.stringNode(new String(record.value(), StandardCharsets.ISO_8859_1));
        }
        check("value", schema(message + "/payload"), value, problems);
        return problems;
    }

    private static void check(String part, Schema schema, JsonNode instance, List<String> problems) {
        for (Error error : schema.validate(instance)) {
            problems.add(part + ": " + error.getMessage());
        }
    }

    /** The record's headers as a JSON object: text in UTF-8, those the schema types as integers read big-endian. */
    private static ObjectNode headers(ConsumerRecord<byte[], byte[]> record, Set<String> integers) {
        ObjectNode headers = NODES.objectNode();
        for (Header header : record.headers()) {
            byte[] bytes = header.value();
            if (bytes == null) {
                headers.putNull(header.key());
            } else if (integers.contains(header.key())
                    && (bytes.length == Integer.BYTES || bytes.length == Long.BYTES)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                headers.put(header.key(), bytes.length == Integer.BYTES ? buffer.getInt() : buffer.getLong());
            } else {
                headers.put(header.key(), utf8(bytes));
            }
        }
        return headers;
    }

    /** The names of the headers a headers schema (following its file references and allOf) types as integers. */
    private static Set<String> integerHeaders(JsonNode schema, URI base) {
        Set<String> names = new HashSet<>();
        if (schema.has("$ref")) {
            URI target = base.resolve(schema.get("$ref").asString());
            try (InputStream in = target.toURL().openStream()) {
                names.addAll(integerHeaders(JSON.readTree(in), target));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        schema.path("properties").properties().forEach(property -> {
            if ("integer".equals(property.getValue().path("type").asString(""))) {
                names.add(property.getKey());
            }
        });
        schema.path("allOf").forEach(part -> names.addAll(integerHeaders(part, base)));
        return names;
    }

    private String channelKey(String address) {
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            if (address.equals(channel.getValue().path("address").asString())) {
                return channel.getKey();
            }
        }
        throw new IllegalArgumentException("no channel for " + address);
    }

    /** The text of a schema file beside the document; nothing else is fetched. */
    private static String localFile(String iri) {
        if (!iri.startsWith("file:")) {
            return null;
        }
        try {
            return Files.readString(Path.of(URI.create(iri)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String localFileAllowingUnknownFields(String iri) {
        String text = localFile(iri);
        if (text == null) {
            return null;
        }
        JsonNode schema = JSON.readTree(text);
        allowUnknownFields(schema);
        return JSON.writeValueAsString(schema);
    }

    private static void allowUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode object
                && object.path("additionalProperties").isBoolean()) {
            object.remove("additionalProperties");
        }
        node.forEach(AsyncApiContract::allowUnknownFields);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
