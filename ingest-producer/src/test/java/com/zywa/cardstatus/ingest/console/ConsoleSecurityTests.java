package com.zywa.cardstatus.ingest.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.ingest.IngestAccess;
import com.zywa.cardstatus.ingest.upload.UploadService;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.JsonNode;

/**
 * The console's security on a real Tomcat (the session cookie's attributes are Tomcat's), with only the web layer
 * of ingest and its upload service mocked: no session means a redirect for pages and a 401 for the console's JSON,
 * an ops key starts an HttpOnly SameSite session, a call without the CSRF token is refused, and machines' API keys
 * keep working statelessly beside it. Every ops route has its console twin behind the session, every route the
 * console's scripts call is mapped, and the subscriptions page's calls reach a stand-in notifier only from an ops
 * session, a POST only with the session's CSRF token.
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
                    + "com.zywa.cardstatus.support.PipelineTopicsAutoConfiguration"
        })
@ExtendWith(OutputCaptureExtension.class)
class ConsoleSecurityTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = ConsoleSecurity.class)
    @Import({IngestAccess.class, UploadEndpoints.class, QuarantineEndpoints.class})
    static class WebLayer {}

    /** The ops decisions about quarantined events (contract §11.1), also ops routes with console twins. */
    @ComponentScan(
            basePackages = "com.zywa.cardstatus.ingest.quarantine",
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(classes = org.springframework.web.bind.annotation.RestController.class))
    static class QuarantineEndpoints {}

    /** The upload controllers, which the console's API shares with the machines' API. */
    @ComponentScan(
            basePackageClasses = UploadService.class,
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(classes = org.springframework.web.bind.annotation.RestController.class))
    static class UploadEndpoints {}

    @LocalServerPort
    private int port;

    @MockitoBean
    private UploadService uploads;

    @MockitoBean
    private com.zywa.cardstatus.ingest.publish.EventPublisher publisher;

    @MockitoBean
    private com.zywa.cardstatus.ingest.Partners partners;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A stand-in for status-notifier, which records the calls that reach it. */
    private static final List<String> NOTIFIER_CALLS = new CopyOnWriteArrayList<>();

    private static final HttpServer NOTIFIER = notifier();

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add(
                "cardstatus.ingest.console.notifier-url",
                () -> "http://127.0.0.1:" + NOTIFIER.getAddress().getPort());
        registry.add("cardstatus.ingest.console.notifier-key", () -> "csk_console-notifier");
    }

    @AfterAll
    static void stopNotifier() {
        NOTIFIER.stop(0);
    }

    private static HttpServer notifier() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/subscriptions", exchange -> {
                NOTIFIER_CALLS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                byte[] body = "{\"subscriptions\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void consolePageWithoutSessionRedirectsToSignIn() throws Exception {
        HttpResponse<String> page = get("/console/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/sign-in"));
        assertThat(get("/", null).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/sign-in"));
    }

    @Test
    void consoleApiWithoutSessionAnswers401Json() throws Exception {
        HttpResponse<String> answer = get("/console/api/uploads", null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(answer.body()).path("error").asString()).isEqualTo("unauthorized");
    }

    @Test
    void signInPageAndItsFilesAreOpen() throws Exception {
        assertThat(get("/console/sign-in", null).body()).contains("Ops API key");
        assertThat(get("/console/sign-in.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/console/console.css", null).statusCode()).isEqualTo(200);
        assertThat(get("/console/console.js", null).statusCode()).isEqualTo(302);
    }

    @Test
    void opsKeyStartsAnHttpOnlySameSiteSession() throws Exception {
        Session session = signIn(TestCredentials.OPS_KEY);
        assertThat(session.status()).isEqualTo(302);
        assertThat(session.location()).endsWith("/console/");
        assertThat(session.setCookie()).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        HttpResponse<String> recent = get("/console/api/uploads?limit=20", session.cookie());
        assertThat(recent.statusCode()).isEqualTo(200);
        assertThat(get("/console/", session.cookie()).body()).contains("Upload partner files");
    }

    @Test
    void wrongOrNonOpsKeyIsRefusedAtSignIn() throws Exception {
        for (String key : List.of(TestCredentials.UNKNOWN_KEY, TestCredentials.READER_KEY, "")) {
            Session refused = signIn(key);
            assertThat(refused.location()).endsWith("/console/sign-in?error");
            assertThat(get("/console/api/uploads", refused.cookie()).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void anonymousVisitorsGetNoSessionAndEveryAnswerItsContentSecurityPolicy() throws Exception {
        HttpResponse<String> csrf = get("/console/csrf", null);
        assertThat(csrf.statusCode()).isEqualTo(302);
        assertThat(csrf.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> page = get("/console/sign-in", null);
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(signIn(TestCredentials.UNKNOWN_KEY).setCookie())
                .as("a refused sign-in")
                .isEmpty();

        Session session = signIn(TestCredentials.OPS_KEY);
        for (HttpResponse<String> answer : List.of(page, get("/console/", session.cookie()))) {
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValue(ConsoleSecurity.CONTENT_SECURITY_POLICY);
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(ConsoleSecurity.CONTENT_SECURITY_POLICY)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
    }

    @Test
    void aSignInFromAnotherSiteIsRefusedAndEverySignInIsLoggedWithoutItsKey(CapturedOutput log) throws Exception {
        Session crossSite = signIn(TestCredentials.OPS_KEY, "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.location()).endsWith("/console/sign-in?error");
        assertThat(crossSite.cookie()).isNull();
        signIn(TestCredentials.UNKNOWN_KEY, "Sec-Fetch-Site", "same-origin");
        assertThat(signIn(TestCredentials.OPS_KEY, "Sec-Fetch-Site", "same-origin")
                        .location())
                .endsWith("/console/");

        assertThat(log.getOut())
                .contains(
                        "console sign-in from 127.0.0.1 refused: sent from another site",
                        "console sign-in from 127.0.0.1 refused: not an ops key",
                        "console sign-in by ops-test from 127.0.0.1")
                .doesNotContain(TestCredentials.OPS_KEY, TestCredentials.UNKNOWN_KEY);
    }

    @Test
    void postWithoutCsrfTokenIsRefused403() throws Exception {
        Session session = signIn(TestCredentials.OPS_KEY);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(uri("/console/api/uploads"))
                        .header("Cookie", session.cookie())
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(answer.body()).path("error").asString()).isEqualTo("forbidden");
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        Session session = signIn(TestCredentials.OPS_KEY);
        String token = csrf(session.cookie());
        HttpResponse<String> out = http.send(
                HttpRequest.newBuilder(uri("/console/sign-out"))
                        .header("Cookie", session.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("?signed-out"));
        assertThat(get("/console/api/uploads", session.cookie()).statusCode()).isEqualTo(401);
    }

    @Test
    void machinesKeepTheStatelessApiWhereASessionCookieMeansNothing() throws Exception {
        HttpResponse<String> withKey = http.send(
                HttpRequest.newBuilder(uri("/uploads"))
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(withKey.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> without = get("/uploads", null);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("Location")).isEmpty();
        assertThat(get("/uploads", signIn(TestCredentials.OPS_KEY).cookie()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theSubscriptionsPageAndItsCallsWantAnOpsSessionAndPostsItsCsrfToken() throws Exception {
        String pause = "/console/api/subscriptions/" + UUID.randomUUID() + "/pause";
        assertThat(get("/console/subscriptions", null).statusCode()).isEqualTo(302);
        assertThat(get("/console/api/subscriptions", null).statusCode()).isEqualTo(401);
        HttpResponse<String> withKey = http.send(
                HttpRequest.newBuilder(uri("/console/api/subscriptions"))
                        .header("X-API-Key", TestCredentials.OPS_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode())
                .as("a machine's key means nothing here")
                .isEqualTo(401);
        assertThat(post(pause, null, null).statusCode())
                .as("no CSRF token: refused first")
                .isEqualTo(403);
        assertThat(get(
                                "/console/api/subscriptions",
                                signIn(TestCredentials.READER_KEY).cookie())
                        .statusCode())
                .as("a reader key starts no session")
                .isEqualTo(401);
        assertThat(NOTIFIER_CALLS).isEmpty();

        Session ops = signIn(TestCredentials.OPS_KEY);
        assertThat(get("/console/subscriptions", ops.cookie()).body()).contains("Webhook subscriptions");
        assertThat(get("/console/api/subscriptions", ops.cookie()).statusCode()).isEqualTo(200);
        assertThat(post(pause, ops.cookie(), null).statusCode()).isEqualTo(403);
        assertThat(NOTIFIER_CALLS).containsExactly("GET /api/v1/subscriptions");
        assertThat(post(pause, ops.cookie(), csrf(ops.cookie())).statusCode()).isEqualTo(200);
        assertThat(NOTIFIER_CALLS)
                .containsExactly("GET /api/v1/subscriptions", "POST " + pause.replace("/console/api", "/api/v1"));
    }

    @Test
    void aKeyAndABearerTokenTogetherAreRefusedAsAnInvalidRequest() throws Exception {
        for (String authorization :
                List.of("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "ApiKey " + TestCredentials.OPS_KEY)) {
            HttpResponse<String> both = http.send(
                    HttpRequest.newBuilder(uri("/uploads"))
                            .header("X-API-Key", TestCredentials.OPS_KEY)
                            .header("Authorization", authorization)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(both.statusCode()).as(authorization).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(both.body()).path("error").asString())
                    .isEqualTo("invalid_request");
        }
    }

    @Test
    void everyOpsRouteHasItsConsoleTwinBehindTheSession() throws Exception {
        Set<String> mapped = new HashSet<>();
        Set<String> twins = new TreeSet<>();
        Set<String> twinPaths = new TreeSet<>();
        mappings.getHandlerMethods()
                .forEach((mapping, handler) -> mapping.getPatternValues().forEach(path -> {
                    mapped.add(route(mapping, path, handler));
                    if (ConsoleRoutes.isOpsRoute(path)) {
                        twins.add(route(mapping, ConsoleRoutes.twin(path), handler));
                        twinPaths.add(ConsoleRoutes.twin(path));
                    }
                }));

        assertThat(twinPaths)
                .contains(
                        "/console/api/uploads",
                        "/console/api/uploads/{id}",
                        "/console/api/uploads/{id}/rejections.csv",
                        "/console/api/api/v1/quarantine/{cardId}/{eventId}/accept",
                        "/console/api/api/v1/cards/{cardId}/owner");
        assertThat(mapped).containsAll(twins);
        for (String twin : twinPaths) {
            assertThat(get(twin.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()), null)
                            .statusCode())
                    .as(twin)
                    .isEqualTo(401);
        }
    }

    @Test
    void everyRouteTheConsoleScriptsCallIsMapped() throws Exception {
        List<String> routes = new ArrayList<>();
        for (String file : List.of("common.js", "console.js", "subscriptions.js", "queue.js")) {
            String script = new ClassPathResource("static/console/" + file).getContentAsString(StandardCharsets.UTF_8);
            Pattern.compile("'(" + ConsoleRoutes.API + "[^']*)'")
                    .matcher(script)
                    .results()
                    .forEach(route -> routes.add(route.group(1)));
        }

        assertThat(routes).hasSizeGreaterThanOrEqualTo(12);
        for (String route : routes) {
            assertThat(handles("GET", route) || handles("POST", route))
                    .as(route)
                    .isTrue();
        }
    }

    /** Whether a handler is mapped for {@code method} on {@code route} (an ID in place of {@code {id}}), any body. */
    private boolean handles(String method, String route) throws Exception {
        MockHttpServletRequest call = new MockHttpServletRequest(
                method, route.replace("{id}", UUID.randomUUID().toString()));
        ServletRequestPathUtils.parseAndCache(call);
        try {
            return mappings.getHandler(call) != null;
        } catch (HttpRequestMethodNotSupportedException e) {
            return false;
        } catch (HttpMediaTypeNotSupportedException e) {
            return true; // mapped, for a body of another type
        }
    }

    /** A route as {@code [GET] /path -> Controller#method} (the handler's own short form). */
    private static String route(RequestMappingInfo mapping, String path, HandlerMethod handler) {
        return mapping.getMethodsCondition() + " " + path + " -> " + handler.getShortLogMessage();
    }

    private record Session(int status, String location, String setCookie, String cookie) {}

    /** Signs in as a browser does: the sign-in form's key (and {@code headers}, name-value pairs), no session before. */
    private Session signIn(String key, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + enc(key)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String setCookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst()
                .orElse("");
        return new Session(
                answer.statusCode(),
                answer.headers().firstValue("Location").orElse(""),
                setCookie,
                setCookie.isEmpty() ? null : setCookie.split(";")[0]);
    }

    /** A POST of the console's scripts: the session's cookie and, when given, its CSRF token as a header. */
    private HttpResponse<String> post(String path, String cookie, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String cookie) throws IOException, InterruptedException {
        JsonNode body = Json.MAPPER.readTree(get("/console/csrf", cookie).body());
        return body.path("token").asString();
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
