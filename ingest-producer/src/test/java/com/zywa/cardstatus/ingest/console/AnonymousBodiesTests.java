package com.zywa.cardstatus.ingest.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.ingest.upload.UploadService;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * An anonymous caller's 50 MB multipart body is refused on every path of ingest before the container parses any of
 * it: nothing is ever written to the upload directory (Tomcat writes each part there as it reads it, here from the
 * first byte). The body is drained rather than cut off ({@code max-swallow-size=-1}) so that the client reads the
 * answer; in production Tomcat closes the connection after 2 MB instead.
 */
@SpringBootTest(
        classes = ConsoleSecurityTests.WebLayer.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=ingest-producer",
            "management.endpoint.health.group.readiness.include=readinessState",
            "spring.autoconfigure.exclude="
                    + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                    + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                    + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                    + "com.zywa.cardstatus.support.PipelineTopicsAutoConfiguration",
            "spring.servlet.multipart.file-size-threshold=0",
            "spring.servlet.multipart.max-file-size=100MB",
            "spring.servlet.multipart.max-request-size=100MB",
            "server.tomcat.max-swallow-size=-1"
        })
class AnonymousBodiesTests {

    private static final Path UPLOADS = uploadDirectory();
    private static final int MB = 1024 * 1024;
    private static final String BOUNDARY = "x0x0x0";

    @LocalServerPort
    private int port;

    @MockitoBean
    private UploadService uploads;

    @MockitoBean
    private com.zywa.cardstatus.ingest.publish.EventPublisher publisher;

    @MockitoBean
    private com.zywa.cardstatus.ingest.Partners partners;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.servlet.multipart.location", UPLOADS::toString);
    }

    @Test
    void anAnonymousFiftyMegabyteMultipartPostIsRefusedWithoutAByteOfItOnDisk() throws Exception {
        Set<String> seen = new ConcurrentSkipListSet<>();
        List<String> answers = new ArrayList<>();
        // looks every millisecond: a part being written stays there for as long as its 50 MB take to arrive
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try (Stream<Path> files = Files.list(UPLOADS)) {
                    files.forEach(file -> seen.add(file.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                LockSupport.parkNanos(1_000_000);
            }
        });
        watcher.start();
        try {
            for (String path : List.of("/uploads", "/events", "/events?partner=default", "/console/api/uploads")) {
                answers.add(path + " " + post(path).statusCode());
            }
            // no CSRF token before signing in (no session): the sign-in form is where a body could be read
            answers.add("/console/sign-in " + post("/console/sign-in").statusCode());
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        assertThat(seen)
                .as("files the container wrote while reading the bodies")
                .isEmpty();
        assertThat(answers)
                .containsExactly(
                        "/uploads 401",
                        "/events 401",
                        "/events?partner=default 401",
                        "/console/api/uploads 403",
                        "/console/sign-in 405");

        try (Stream<Path> left = Files.list(UPLOADS)) {
            assertThat(left).isEmpty();
        }
    }

    /** A multipart POST of one 50 MB file part, with {@code headers} as name-value pairs. */
    private HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
        byte[] megabyte = new byte[MB];
        Arrays.fill(megabyte, (byte) 'a');
        List<byte[]> body = new ArrayList<>();
        body.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 50; i++) {
            body.add(megabyte);
        }
        body.add(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Path uploadDirectory() {
        try {
            return Files.createTempDirectory("ingest-multipart");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
