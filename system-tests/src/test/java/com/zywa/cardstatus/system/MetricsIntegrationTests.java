package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * The metrics the four services expose to Prometheus, scraped after a small scenario (an upload, a partner event, a
 * lookup, the webhooks of a subscription): every metric the chart's Grafana dashboard queries is really there, the counters count what happened,
 * and the scrape takes the metrics key the way Prometheus sends it.
 */
@ExtendWith(PipelineExtension.class)
class MetricsIntegrationTests {

    private static final Path DASHBOARD = Path.of("..", "charts", "card-status", "dashboards", "card-status.json");
    private static final SampleSet SAMPLES = SampleSet.next();
    private static final RestClient HTTP = RestClient.create();
    private static WebhookReceiver receiver;
    private static String subscription;

    @BeforeAll
    static void runAScenario(Pipeline pipeline) throws IOException {
        PipelineClient client = new PipelineClient(pipeline);
        receiver = WebhookReceiver.start(ChildJvm.freePort());
        subscription = pipeline.notifierUrl() + "/api/v1/subscriptions/"
                + client.postJson(
                                pipeline.notifierUrl() + "/api/v1/subscriptions",
                                "{\"url\":\"" + receiver.url() + "\",\"statuses\":[\"DELIVERED\"]}")
                        .body()
                        .get("id")
                        .asString();
        client.upload(SAMPLES, SampleSet.FILES.get(0));
        client.postJson(
                pipeline.ingestUrl() + "/events",
                "[{\"type\":\"DELIVERED\",\"card_id\":\"" + SAMPLES.card("ZYW8827")
                        + "\",\"occurred_at\":\"2023-11-22T10:00:00Z\"},{\"type\":\"LOST\"}]");
        client.awaitIdle();
        client.cardStatus("card_id=" + SAMPLES.card("ZYW8827"));
    }

    @AfterAll
    static void stopTheReceiver(Pipeline pipeline) {
        new PipelineClient(pipeline)
                .send(HttpMethod.DELETE, subscription, Map.of("X-API-Key", TestCredentials.OPS_KEY), null, null);
        receiver.close();
    }

    @Test
    void everyMetricTheDashboardQueriesIsScrapedFromAService(Pipeline pipeline) throws IOException {
        Set<String> queried = DashboardQueries.metricNames(Json.MAPPER.readTree(Files.readString(DASHBOARD)));
        assertThat(queried).hasSizeGreaterThan(15);

        // the fold's task and processor metrics are bound when the Kafka client metrics are next looked at (every
        // minute), after the tasks were assigned
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    Set<String> exposed = new TreeSet<>();
                    for (String url : urls(pipeline)) {
                        exposed.addAll(Scrape.of(url).seriesNames());
                    }
                    assertThat(exposed).as("metrics the dashboard queries").containsAll(queried);
                });
    }

    @Test
    void countsUploadedRowsAndPartnerEventsByConfiguredPartnerOnly(Pipeline pipeline) {
        Scrape ingest = Scrape.of(pipeline.ingestUrl());

        assertThat(ingest.value(
                        "cardstatus_upload_rows_total",
                        "kind=\"PICKED_UP\"",
                        "outcome=\"accepted\"",
                        "partner=\"default\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(ingest.value("cardstatus_partner_events_total", "outcome=\"accepted\"", "partner=\"default\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(ingest.value("cardstatus_partner_events_total", "outcome=\"rejected\"", "partner=\"default\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(Pattern.compile("partner=\"([^\"]*)\"")
                        .matcher(ingest.text())
                        .results()
                        .map(m -> m.group(1)))
                .isSubsetOf("default", "fastcourier", "swiftpost", Pipeline.RATE_PARTNER, "other");
        assertThat(Pattern.compile("cardstatus_unmapped_reasons_total\\{[^}]*partner=\"([^\"]*)\"")
                        .matcher(Scrape.of(pipeline.processorUrl()).text())
                        .results()
                        .map(m -> m.group(1)))
                .as("the unmapped reasons' partners: those of the reason mapping, else unknown")
                .isSubsetOf("default", "swiftpost", "unknown");
        assertThat(Scrape.of(pipeline.processorUrl()).value("cardstatus_projection_last_write_seconds"))
                .isCloseTo(Instant.now().getEpochSecond(), within(300.0));
    }

    @Test
    void countsWebhooksBySubscriptionAndOutcomeAndShowsTheBacklog(Pipeline pipeline) {
        String id = "subscription=\"" + subscription.substring(subscription.lastIndexOf('/') + 1) + "\"";

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Scrape notifier = Scrape.of(pipeline.notifierUrl());
                    assertThat(notifier.valueOrZero(
                                    "cardstatus_notifier_deliveries_total", id, "outcome=\"delivered\""))
                            .isGreaterThanOrEqualTo(1);
                    assertThat(notifier.value("cardstatus_notifier_backlog", id))
                            .isZero();
                    assertThat(notifier.value("cardstatus_notifier_oldest_pending_age_seconds", id))
                            .isZero();
                    assertThat(notifier.value("cardstatus_notifier_paused", id)).isZero();
                    assertThat(notifier.text()
                                    .lines()
                                    .filter(line -> line.startsWith("cardstatus_notifier_deliveries_total{"))
                                    .map(line -> line.replaceAll(".*outcome=\"([^\"]*)\".*", "$1")))
                            .isSubsetOf("delivered", "rejected", "unreachable", "refused");
                });
    }

    @Test
    void timesEachRequestOnceWithoutAnObservationPerSecurityFilter(Pipeline pipeline) {
        Scrape api = Scrape.of(pipeline.apiUrl());

        assertThat(api.value("http_server_requests_seconds_count", "uri=\"/get_card_status\"", "status=\"200\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(api.value("http_server_requests_seconds_bucket", "uri=\"/get_card_status\"", "le=\"+Inf\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(api.seriesNames())
                .as("status-api series")
                .noneMatch(name -> name.startsWith("http_server_requests_active"));
        for (String url : urls(pipeline)) {
            assertThat(Scrape.of(url).seriesNames())
                    .as(url + " series")
                    .noneMatch(name -> name.startsWith("spring_security_"));
        }
    }

    @Test
    void servesTheScrapeOnlyToTheMetricsRoleWhicheverHeaderCarriesTheKey(Pipeline pipeline) {
        for (String url : urls(pipeline)) {
            String endpoint = url + "/actuator/prometheus";
            assertThat(status(endpoint, Map.of())).isEqualTo(401);
            assertThat(status(endpoint, Map.of("Authorization", "ApiKey " + TestCredentials.READER_KEY)))
                    .isEqualTo(403);
            assertThat(status(endpoint, Map.of("Authorization", "ApiKey not-a-key")))
                    .isEqualTo(401);
            assertThat(status(endpoint, Map.of("X-API-Key", TestCredentials.METRICS_KEY)))
                    .isEqualTo(200);
            assertThat(status(endpoint, Map.of("Authorization", "apikey " + TestCredentials.METRICS_KEY)))
                    .isEqualTo(200);
        }
    }

    private static List<String> urls(Pipeline pipeline) {
        return List.of(pipeline.ingestUrl(), pipeline.processorUrl(), pipeline.apiUrl(), pipeline.notifierUrl());
    }

    private static int status(String url, Map<String, String> headers) {
        RestClient.RequestHeadersSpec<?> request = HTTP.get().uri(url);
        headers.forEach(request::header);
        return request.exchange((req, response) -> response.getStatusCode().value());
    }
}
