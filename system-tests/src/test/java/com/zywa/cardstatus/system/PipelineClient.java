package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a test does to the running pipeline: upload files, ask the API, and wait until all is processed. Every call
 * carries the test API key of the role it needs (ops for uploads, reader for lookups, the partner's own key for
 * events, metrics for the actuator), so tests about something else need not think about credentials;
 * {@link #send} sends exactly the credential a test chooses.
 */
final class PipelineClient {

    /** An HTTP answer: status code and parsed JSON body. */
    record Answer(int status, JsonNode body) {}

    private final Pipeline pipeline;
    private final RestClient http;
    // the JDK's client sends each request once; Apache's (on the test classpath) silently re-sends on a 503
    private final RestClient bare = RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory())
            .build();

    PipelineClient(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.http = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .requestInterceptor(this::withKey)
                .build();
    }

    /** Uploads sample {@code fileName} with the card IDs and phones of {@code samples}. */
    Answer upload(SampleSet samples, String fileName) {
        return upload(fileName, samples.file(fileName), Map.of());
    }

    Answer upload(String fileName, byte[] content, Map<String, String> params) {
        return upload(pipeline.ingestUrl(), fileName, content, params);
    }

    /** Uploads to the ingest-producer at {@code ingestUrl} (another instance than the shared one). */
    Answer upload(String ingestUrl, String fileName, byte[] content, Map<String, String> params) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        params.forEach(form::add);
        return http.post()
                .uri(ingestUrl + "/uploads")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .exchange((request, response) -> answer(response.getStatusCode().value(), response.getBody()));
    }

    Answer postJson(String url, String json) {
        return http.post()
                .uri(URI.create(url))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange((request, response) -> answer(response.getStatusCode().value(), response.getBody()));
    }

    Answer cardStatus(String query) {
        return get(pipeline.apiUrl() + "/get_card_status?" + query);
    }

    Answer get(String url) {
        return http.get()
                .uri(URI.create(url))
                .exchange((request, response) -> answer(response.getStatusCode().value(), response.getBody()));
    }

    /** Sends a request with exactly {@code headers} as credentials (none: anonymous) and {@code body} if not null. */
    Answer send(HttpMethod method, String url, Map<String, String> headers, MediaType type, Object body) {
        RestClient.RequestBodySpec request = bare.method(method).uri(URI.create(url));
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(type).body(body);
        }
        return request.exchange(
                (req, response) -> answer(response.getStatusCode().value(), response.getBody()));
    }

    /** The headers of the answer to an anonymous request. */
    HttpHeaders headers(HttpMethod method, String url) {
        return bare.method(method).uri(URI.create(url)).exchange((request, response) -> response.getHeaders());
    }

    /** The request with the key of the role it needs, unless it already carries a credential. */
    private ClientHttpResponse withKey(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (request.getHeaders().getFirst("X-API-Key") == null
                && request.getHeaders().getFirst("Authorization") == null) {
            request.getHeaders().set("X-API-Key", keyFor(request.getMethod(), request.getURI()));
        }
        return execution.execute(request, body);
    }

    private String keyFor(HttpMethod method, URI uri) {
        if (uri.getPath().startsWith("/actuator")) {
            return TestCredentials.METRICS_KEY;
        }
        if (uri.getPath().equals("/events")) {
            String partner =
                    UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("partner");
            return partner == null || partner.equals("default")
                    ? TestCredentials.PARTNER_KEY
                    : TestCredentials.KEYS.stream()
                            .filter(key -> partner.equals(key.partner()))
                            .map(TestCredentials.Key::key)
                            .findFirst()
                            .orElseThrow(
                                    () -> new IllegalArgumentException("no test key speaks for partner " + partner));
        }
        return uri.toString().startsWith(pipeline.apiUrl()) ? TestCredentials.READER_KEY : TestCredentials.OPS_KEY;
    }

    /** Waits until the fold has consumed every event and the projection every status record. */
    void awaitIdle() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() ->
                        assertThat(lagging()).as("partitions not yet consumed").isEmpty());
    }

    /** Waits until the fold, the projection and the notifier consumer {@code notifierGroup} have read everything. */
    void awaitNotifierIdle(String notifierGroup) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(lagging(notifierGroup))
                        .as("partitions not yet consumed")
                        .isEmpty());
    }

    private List<String> lagging() throws ExecutionException, InterruptedException {
        return lagging(null);
    }

    private List<String> lagging(String notifierGroup) throws ExecutionException, InterruptedException {
        String servers = pipeline.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers));
                KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(
                        Map.of(
                                "bootstrap.servers",
                                servers,
                                "isolation.level",
                                "read_committed",
                                "enable.auto.commit",
                                "false"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            List<String> lagging =
                    new ArrayList<>(lagging(admin, reader, "card-status-processor", Topics.eventTopics()));
            lagging.addAll(lagging(admin, reader, "status-projection", List.of(Topics.STATUS)));
            if (notifierGroup != null) {
                lagging.addAll(lagging(admin, reader, notifierGroup, List.of(Topics.STATUS)));
            }
            return lagging;
        }
    }

    /**
     * The partitions where {@code group} has committed records left to read: between its committed offset and the
     * last stable offset there is at least one committed record (aborted transactions and markers do not count,
     * since a consumer that only skips them has nothing to commit).
     */
    private static List<String> lagging(
            Admin admin, KafkaConsumer<byte[], byte[]> reader, String group, List<String> topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((name, description) ->
                        description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        Map<TopicPartition, Long> stable = reader.endOffsets(partitions);
        List<String> lagging = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset == null ? 0 : offset.offset();
            if (position < stable.get(partition) && hasRecords(reader, partition, position, stable.get(partition))) {
                lagging.add(group + " " + partition + " at " + position + " of " + stable.get(partition));
            }
        }
        return lagging;
    }

    private static boolean hasRecords(
            KafkaConsumer<byte[], byte[]> reader, TopicPartition partition, long from, long to) {
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (reader.position(partition) < to && System.nanoTime() < deadline) {
            if (!reader.poll(Duration.ofMillis(100)).isEmpty()) {
                return true;
            }
        }
        return reader.position(partition) < to;
    }

    static byte[] sample(String fileName) {
        try (InputStream in = PipelineClient.class.getResourceAsStream("/samples/" + fileName)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer, its body as JSON, or as one text node when it is not JSON (the OpenAPI document in YAML). */
    private static Answer answer(int status, InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new Answer(status, null);
        }
        try {
            return new Answer(status, Json.MAPPER.readTree(text));
        } catch (JacksonException notJson) {
            return new Answer(status, Json.MAPPER.getNodeFactory().textNode(text));
        }
    }
}
