package com.zywa.cardstatus.ingest.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.ingest.IngestAccess;
import com.zywa.cardstatus.ingest.upload.UploadService;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.JsonNode;

/**
 * The console's security on a real Tomcat (the session cookie's attributes are Tomcat's), with only the web layer
 * of ingest and its upload service mocked: no session means a redirect for pages and a 401 for the console's JSON,
 * an ops key starts an HttpOnly SameSite session, a call without the CSRF token is refused, and machines' API keys
 * keep working statelessly beside it. Every ops route has its console twin behind the session, and every route the
 * console's script calls is mapped.
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
class ConsoleSecurityTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = ConsoleSecurity.class)
    @Import({IngestAccess.class, UploadEndpoints.class})
    static class WebLayer {}

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

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
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
                        "/console/api/uploads/{id}/rejections.csv");
        assertThat(mapped).containsAll(twins);
        for (String twin : twinPaths) {
            assertThat(get(twin.replace("{id}", UUID.randomUUID().toString()), null)
                            .statusCode())
                    .as(twin)
                    .isEqualTo(401);
        }
    }

    @Test
    void everyRouteTheConsoleScriptCallsIsMapped() throws Exception {
        String script = new ClassPathResource("static/console/console.js").getContentAsString(StandardCharsets.UTF_8)
                + new ClassPathResource("static/console/queue.js").getContentAsString(StandardCharsets.UTF_8);
        List<String> routes = Pattern.compile("'(" + ConsoleRoutes.API + "[^']*)'")
                .matcher(script)
                .results()
                .map(route -> route.group(1))
                .toList();

        assertThat(routes).hasSizeGreaterThanOrEqualTo(5);
        for (String route : routes) {
            MockHttpServletRequest call = new MockHttpServletRequest(
                    "GET", route.replace("{id}", UUID.randomUUID().toString()));
            ServletRequestPathUtils.parseAndCache(call);
            assertThat(mappings.getHandler(call)).as(route).isNotNull();
        }
    }

    /** A route as {@code [GET] /path -> Controller#method} (the handler's own short form). */
    private static String route(RequestMappingInfo mapping, String path, HandlerMethod handler) {
        return mapping.getMethodsCondition() + " " + path + " -> " + handler.getShortLogMessage();
    }

    private record Session(int status, String location, String setCookie, String cookie) {}

    /** Signs in as a browser does: fetch the sign-in page's CSRF token (in an anonymous session), then post the key. */
    private Session signIn(String key) throws IOException, InterruptedException {
        HttpResponse<String> token = get("/console/csrf", null);
        String anonymous =
                token.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = Json.MAPPER.readTree(token.body()).path("token").asString();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(uri("/console/sign-in"))
                        .header("Cookie", anonymous)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("key=" + enc(key) + "&_csrf=" + enc(csrf)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = answer.headers().firstValue("Set-Cookie").orElse("");
        String cookie = setCookie.isEmpty() ? anonymous : setCookie.split(";")[0];
        return new Session(
                answer.statusCode(), answer.headers().firstValue("Location").orElse(""), setCookie, cookie);
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
