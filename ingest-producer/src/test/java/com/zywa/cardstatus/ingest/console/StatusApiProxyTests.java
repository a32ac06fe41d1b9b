package com.zywa.cardstatus.ingest.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The console's questions against a stand-in for status-api: a card lookup goes out with the configured key and a
 * phone's plus sign intact, the unmapped reasons list to its own path, the answer comes back unchanged, and a refused
 * key or a missing one is a clear error of this service rather than the user's 401.
 */
class StatusApiProxyTests {

    private static final String KEY = "csk_console-reader";

    private HttpServer statusApi;
    private final AtomicReference<String> query = new AtomicReference<>();
    private final AtomicReference<String> key = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void startStatusApi() throws IOException {
        statusApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        statusApi.createContext("/get_card_status", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            key.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            byte[] body = "{\"card_id\":\"ZYW1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        statusApi.createContext("/api/v1/unmapped-reasons", exchange -> {
            key.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            byte[] body = "[{\"partner\":\"swift\",\"raw_reason\":\"X9\"}]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        statusApi.createContext("/api/v1/lookup-audit", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            key.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            byte[] body = "{\"entries\":[{\"caller\":\"reader-local\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        statusApi.createContext("/api/v1/projection/rebuilds", exchange -> {
            key.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            byte[] body = "[{\"id\":2,\"state\":\"building\"}]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        statusApi.createContext("/api/v1/cards.csv", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] body = "card_id,status\r\nZYW1,PICKED_UP\r\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/csv;charset=UTF-8");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        statusApi.createContext("/api/v1/cards", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] body = "{\"cards\":[],\"next_cursor\":null}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        statusApi.start();
    }

    @AfterEach
    void stopStatusApi() {
        statusApi.stop(0);
    }

    @Test
    void asksStatusApiWithTheReaderKeyAndAPhoneItsPlusSignIntact() {
        ResponseEntity<?> answer = proxy(KEY).lookUp(" ZYW1 ", "+971 53 453 4534");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"card_id\":\"ZYW1\"}");
        assertThat(query.get()).isEqualTo("card_id=ZYW1&user_phone=%2B971%2053%20453%204534");
        assertThat(key.get()).isEqualTo(KEY);
    }

    @Test
    void passesStatusApisNotFoundOn() {
        status.set(404);

        assertThat(proxy(KEY).lookUp("NOPE", null).getStatusCode().value()).isEqualTo(404);
        assertThat(query.get()).isEqualTo("card_id=NOPE");
    }

    @Test
    void aRefusedKeyIsABadGatewayNotTheUsersSignOut() {
        status.set(401);

        ResponseEntity<?> answer = proxy(KEY).lookUp("ZYW1", null);

        assertThat(answer.getStatusCode().value()).isEqualTo(502);
        assertThat(answer.getBody())
                .hasToString("ErrorBody[error=lookup_refused, message=status-api refused the console's key "
                        + "(cardstatus.ingest.console.status-api-key must be a reader or ops key), uploadId=null]");
    }

    @Test
    void asksForTheUnmappedReasonsAndSaysAnOpsKeyIsNeededWhenRefused() {
        ResponseEntity<?> answer = proxy(KEY).unmappedReasons();

        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8))
                .contains("\"raw_reason\":\"X9\"");
        assertThat(key.get()).isEqualTo(KEY);

        status.set(403);
        assertThat(proxy(KEY).unmappedReasons().getBody().toString())
                .contains("must be an ops key for the unmapped reasons");
    }

    @Test
    void asksForTheLookupAuditWithTheFiltersGivenAndSaysAnOpsKeyIsNeededWhenRefused() {
        ResponseEntity<?> answer = proxy(KEY).lookupAudit(" reader-local ", "", "+971 58 594 9014");

        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8))
                .contains("\"caller\":\"reader-local\"");
        assertThat(query.get()).isEqualTo("caller=reader-local&phone=%2B971%2058%20594%209014");
        assertThat(key.get()).isEqualTo(KEY);

        status.set(403);
        assertThat(proxy(KEY).lookupAudit(null, "ZYW1", null).getBody().toString())
                .contains("must be an ops key for the lookup audit");
    }

    @Test
    void asksForTheProjectionsRebuildsOnTheirOwnPath() {
        ResponseEntity<?> answer = proxy(KEY).projectionRebuilds();

        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8))
                .contains("\"state\":\"building\"");
        assertThat(key.get()).isEqualTo(KEY);
    }

    @Test
    void withoutAKeyTheLookupSaysWhatToConfigure() {
        ResponseEntity<?> answer = proxy(" ").lookUp("ZYW1", null);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().toString())
                .contains("lookup_not_configured", "cardstatus.ingest.console.status-api-key");
        assertThat(query.get()).isNull();
    }

    @Test
    void asksForTheWorkQueueWithItsFiltersOnlyAndExportsItAsCsvWithoutCursorOrLimit() {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("status", "DELIVERY_EXCEPTION");
        params.add("partner", "swift");
        params.add("partner", "default");
        params.add("stalled", "true");
        params.add("cursor", "abc");
        params.add("limit", "50");
        params.add("evil", "x");

        assertThat(proxy(KEY).queue(params).getStatusCode().value()).isEqualTo(200);
        assertThat(query.get())
                .isEqualTo("status=DELIVERY_EXCEPTION&partner=swift%2Cdefault&stalled=true&cursor=abc&limit=50");

        ResponseEntity<?> csv = proxy(KEY).queueCsv(params);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(new String((byte[]) csv.getBody(), StandardCharsets.UTF_8)).startsWith("card_id,status");
        assertThat(query.get()).isEqualTo("status=DELIVERY_EXCEPTION&partner=swift%2Cdefault&stalled=true");
    }

    private StatusApiProxy proxy(String readerKey) {
        URI url = URI.create("http://127.0.0.1:" + statusApi.getAddress().getPort());
        return new StatusApiProxy(new ConsoleSettings(url, readerKey, URI.create("http://127.0.0.1:9"), null, 10));
    }
}
