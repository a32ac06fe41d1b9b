package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart in {@code charts/card-status}, linted and rendered with the Helm library itself: what a platform
 * team relies on (probes, security context, wiring, rolling on config changes, schema checks) is asserted.
 */
class HelmChartTests {

    private static final Path CHART = Path.of("..", "charts", "card-status");
    private static final String HASH = "a".repeat(64);

    @Test
    void lintsClean() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersTheFourServicesWithProbesOnTheActuatorHealthGroups() {
        String manifest = render();

        assertThat(kinds(manifest, "Deployment")).hasSize(3);
        assertThat(kinds(manifest, "StatefulSet")).hasSize(1);
        for (String workload : workloads(manifest)) {
            assertThat(workload)
                    .contains("path: /actuator/health/liveness", "path: /actuator/health/readiness", "port: http");
        }
    }

    @Test
    void rendersSecureDefaults() {
        for (String workload : workloads(render())) {
            assertThat(workload)
                    .contains(
                            "runAsNonRoot: true",
                            "runAsUser: 10001",
                            "readOnlyRootFilesystem: true",
                            "allowPrivilegeEscalation: false",
                            "- ALL",
                            "type: RuntimeDefault",
                            "automountServiceAccountToken: false",
                            "mountPath: /tmp");
        }
    }

    @Test
    void limitsTheSizeOfEachPodsTmp() {
        String manifest = render("--set", "ingestProducer.tmpSizeLimit=3Gi");

        assertThat(workload(manifest, "test-card-status-ingest")).contains("emptyDir:\n            sizeLimit: \"3Gi\"");
        for (String name : List.of("api", "processor", "notifier")) {
            assertThat(workload(manifest, "test-card-status-" + name))
                    .as(name)
                    .contains("- name: tmp\n          emptyDir:\n            sizeLimit: \"256Mi\"");
        }
    }

    @Test
    void wiresKafkaPostgresAndOneDatabaseUserPerServiceIntoEveryService() {
        String manifest = render(
                "--set",
                "postgresql.processor.password=s3cret",
                "--set",
                "postgresql.ingest.password=in",
                "--set",
                "postgresql.api.password=ap",
                "--set",
                "postgresql.notifier.password=no");

        String config = kinds(manifest, "ConfigMap").get(0);
        assertThat(config)
                .contains(
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS: \"kafka-0.kafka:9092\"",
                        "SPRING_DATASOURCE_URL: \"jdbc:postgresql://db:5432/cards\"",
                        "CARDSTATUS_TOPICS_PARTITIONS: \"12\"",
                        "CARDSTATUS_TOPICS_REPLICAS: \"3\"",
                        "CARDSTATUS_TOPICS_MININSYNCREPLICAS: \"2\"");
        assertThat(config)
                .as("event topics keep their records forever unless a retention is set")
                .doesNotContain("CARDSTATUS_TOPICS_EVENTRETENTION");
        assertThat(config).as("no shared database user").doesNotContain("SPRING_DATASOURCE_USERNAME");
        assertThat(kinds(manifest, "Secret"))
                .singleElement()
                .asString()
                .contains(
                        "processor-password: \"czNjcmV0\"",
                        "ingest-password: \"aW4=\"",
                        "api-password: \"YXA=\"",
                        "notifier-password: \"bm8=\"");
        for (String workload : workloads(manifest)) {
            assertThat(workload)
                    .contains(
                            "name: SPRING_DATASOURCE_PASSWORD",
                            "name: test-card-status-db",
                            "checksum/config:",
                            "checksum/api-keys:",
                            "name: test-card-status");
        }
        assertThat(workload(manifest, "test-card-status-api"))
                .contains("value: \"cardstatus_api\"", "key: api-password");
        assertThat(workload(manifest, "test-card-status-ingest"))
                .contains("value: \"cardstatus_ingest\"", "key: ingest-password");
        assertThat(workload(manifest, "test-card-status-processor"))
                .contains(
                        "value: \"cardstatus_processor\"",
                        "key: processor-password",
                        "name: SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS",
                        "value: \"1\"");
        assertThat(workload(manifest, "test-card-status-notifier"))
                .contains("value: \"cardstatus_notifier\"", "key: notifier-password");
        assertThat(kinds(manifest, "StatefulSet").get(0))
                .contains("name: CARDSTATUS_INGEST_INSTANCEID", "fieldPath: metadata.name");
    }

    @Test
    void passesTheServicesOwnSettingsOnlyWhenGivenSoTheirDefaultsAreWrittenOnce() {
        assertThat(kinds(render(), "ConfigMap").get(0))
                .doesNotContain(
                        "CARDSTATUS_INGEST_",
                        "CARDSTATUS_API_",
                        "CARDSTATUS_NOTIFIER_",
                        "CARDSTATUS_TOPICS_REJECTSRETENTION",
                        "CARDSTATUS_TOPICS_DEADLETTERRETENTION",
                        "CARDSTATUS_SECURITY_JWT_");

        String config = kinds(
                        render(
                                "--set",
                                "retention.rejectedRows=P7D",
                                "--set",
                                "kafka.deadLetterRetention=90d",
                                "--set",
                                "ingest.partnerZone=Europe/London",
                                "--set",
                                "ingest.phoneRegion=GB",
                                "--set",
                                "ingest.dateOrder=MONTH_FIRST",
                                "--set",
                                "ingest.maxFutureSkew=PT5M",
                                "--set",
                                "notifier.retryHorizon=48h",
                                "--set",
                                "notifier.concurrency=8"),
                        "ConfigMap")
                .get(0);
        assertThat(config)
                .contains(
                        "CARDSTATUS_TOPICS_REJECTSRETENTION: \"P7D\"",
                        "CARDSTATUS_TOPICS_DEADLETTERRETENTION: \"90d\"",
                        "CARDSTATUS_INGEST_PARTNERZONE: \"Europe/London\"",
                        "CARDSTATUS_INGEST_PHONEREGION: \"GB\"",
                        "CARDSTATUS_API_PHONEREGION: \"GB\"",
                        "CARDSTATUS_INGEST_DATEORDER: \"MONTH_FIRST\"",
                        "CARDSTATUS_INGEST_MAXFUTURESKEW: \"PT5M\"",
                        "CARDSTATUS_NOTIFIER_RETRYHORIZON: \"48h\"",
                        "CARDSTATUS_NOTIFIER_CONCURRENCY: \"8\"");
    }

    @Test
    void runsTheNotifierUnlessDisabledAndAlertsOnItsSubscriptionsOnlyWhenAsked() {
        assertThat(kinds(render(), "PrometheusRule")).isEmpty();
        String withoutNotifier = render("--set", "notifier.enabled=false", "--set", "notifier.alerts.enabled=true");
        assertThat(withoutNotifier).doesNotContain("status-notifier");
        assertThat(kinds(withoutNotifier, "PrometheusRule")).isEmpty();

        String rules = kinds(
                        render(
                                "--set",
                                "notifier.alerts.enabled=true",
                                "--set",
                                "notifier.alerts.backlogAgeMinutes=30",
                                "--set",
                                "notifier.alerts.labels.release=kube-prometheus"),
                        "PrometheusRule")
                .get(0);

        assertThat(rules)
                .contains(
                        "release: kube-prometheus",
                        "alert: CardStatusSubscriptionPaused",
                        "cardstatus_notifier_paused{application=\"status-notifier\"}) > 0",
                        "alert: CardStatusWebhookBacklogOld",
                        "cardstatus_notifier_oldest_pending_age_seconds{application=\"status-notifier\"}) > 1800",
                        "{{ $labels.subscription }}");
        assertThatThrownBy(() -> render("--set", "notifier.retryHorizon=forever"))
                .hasMessageContaining("retryHorizon");
    }

    @Test
    void pointsTheConsoleAtStatusApiAndTheNotifierWithItsKeyFromASecret() {
        String ingest = workload(render(), "test-card-status-ingest");
        assertThat(ingest)
                .contains(
                        "name: CARDSTATUS_INGEST_CONSOLE_STATUSAPIURL\n              value: \"http://test-card-status-api:8080\"",
                        "name: CARDSTATUS_INGEST_CONSOLE_NOTIFIERURL\n              value: \"http://test-card-status-notifier:8080\"")
                .doesNotContain("CARDSTATUS_INGEST_CONSOLE_STATUSAPIKEY", "CARDSTATUS_INGEST_CONSOLE_NOTIFIERKEY");

        String withKey = workload(
                render("--set", "ingestProducer.console.existingSecret=console-keys"), "test-card-status-ingest");
        assertThat(withKey)
                .contains(
                        "name: CARDSTATUS_INGEST_CONSOLE_STATUSAPIKEY\n              valueFrom:\n                "
                                + "secretKeyRef: {name: \"console-keys\", key: console-key}",
                        "name: CARDSTATUS_INGEST_CONSOLE_NOTIFIERKEY\n              valueFrom:\n                "
                                + "secretKeyRef: {name: \"console-keys\", key: console-key}");
        assertThat(workload(render("--set", "notifier.enabled=false"), "test-card-status-ingest"))
                .doesNotContain("CARDSTATUS_INGEST_CONSOLE_NOTIFIERURL");
    }

    @Test
    void alertsOnStalledCardsProjectionLagADeadFoldAndDeadLettersOnlyWhenAsked() {
        assertThat(render()).doesNotContain("CardStatusStalledCards");

        String rules = kinds(
                        render(
                                "--set",
                                "metrics.alerts.enabled=true",
                                "--set",
                                "metrics.alerts.stalledCards=250",
                                "--set",
                                "metrics.alerts.labels.release=kube-prometheus"),
                        "PrometheusRule")
                .get(0);

        assertThat(rules)
                .contains(
                        "release: kube-prometheus",
                        "alert: CardStatusStalledCards",
                        "cardstatus_queue_stalled_cards{application=\"status-api\"})) > 250",
                        "alert: CardStatusProjectionLag",
                        "topic=\"card.status\"}) > 10000",
                        "alert: CardStatusFoldDown",
                        "alert: CardStatusDeadLetters",
                        "{{ $labels.partner }}");
        assertThatThrownBy(() -> render("--set", "metrics.alerts.stalledCards=-1"))
                .hasMessageContaining("stalledCards");
    }

    @Test
    void mountsTheApiKeyHashesAsAPropertiesFileEveryServiceImports() {
        String manifest = render(
                "--set",
                "security.apiKeys[0].name=ops-1",
                "--set",
                "security.apiKeys[0].role=ops",
                "--set",
                "security.apiKeys[0].sha256=" + HASH.toUpperCase(),
                "--set",
                "security.apiKeys[1].name=courier",
                "--set",
                "security.apiKeys[1].role=partner",
                "--set",
                "security.apiKeys[1].partner=default",
                "--set",
                "security.apiKeys[1].sha256=" + HASH.replace('a', 'b'));

        assertThat(kinds(manifest, "Secret"))
                .filteredOn(s -> s.contains("name: test-card-status-api-keys\n"))
                .singleElement()
                .asString()
                .contains(
                        "cardstatus.security.api-keys[0].name=ops-1",
                        "cardstatus.security.api-keys[0].role=ops",
                        "cardstatus.security.api-keys[0].sha256=" + HASH,
                        "cardstatus.security.api-keys[1].partner=default")
                .doesNotContain("api-keys[0].partner");
        assertThat(kinds(manifest, "ConfigMap").get(0))
                .contains("SPRING_CONFIG_IMPORT: \"optional:file:/etc/card-status/security/api-keys.properties\"");
        for (String workload : workloads(manifest)) {
            assertThat(workload)
                    .contains(
                            "mountPath: /etc/card-status/security",
                            "secretName: test-card-status-api-keys",
                            "path: /actuator/health/liveness",
                            "path: /actuator/health/readiness");
        }
        assertThat(checksum(manifest, "checksum/api-keys"))
                .as("a new key rolls the pods (keys are read at start-up)")
                .isNotEqualTo(checksum(render(), "checksum/api-keys"));
    }

    @Test
    void readsTheApiKeysOfAnExistingSecretAndMountsNothingWithoutKeys() {
        String existing = render(
                "--set", "security.existingSecret=vault-keys", "--set", "security.existingSecretKey=keys.properties");

        assertThat(kinds(existing, "Secret")).noneMatch(s -> s.contains("api-keys"));
        assertThat(workloads(existing))
                .allSatisfy(w -> assertThat(w)
                        .contains("secretName: vault-keys", "key: keys.properties", "path: api-keys.properties"));
        String none = render();
        assertThat(kinds(none, "ConfigMap").get(0))
                .as("no key: every request but the probes is refused")
                .doesNotContain("SPRING_CONFIG_IMPORT");
        assertThat(workloads(none)).allSatisfy(w -> assertThat(w).doesNotContain("/etc/card-status/security"));
    }

    @Test
    void acceptsJwtsFromAConfiguredIssuer() {
        String config = kinds(
                        render(
                                "--set",
                                "security.jwt.issuerUri=https://id.example.com/realms/zywa",
                                "--set",
                                "security.jwt.audience=cardstatus",
                                "--set",
                                "security.jwt.rolesClaim=groups"),
                        "ConfigMap")
                .get(0);

        assertThat(config)
                .contains(
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI: \"https://id.example.com/realms/zywa\"",
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES: \"cardstatus\"",
                        "CARDSTATUS_SECURITY_JWT_ROLESCLAIM: \"groups\"")
                .doesNotContain("JWKSETURI", "CARDSTATUS_SECURITY_JWT_NAMECLAIM");
        assertThat(kinds(render(), "ConfigMap").get(0)).doesNotContain("ISSUERURI", "AUDIENCES");
    }

    @Test
    void exposesBothServicesThroughAnIngressTerminatingTlsOnlyWhenEnabled() {
        assertThat(kinds(render(), "Ingress")).isEmpty();

        String ingress = kinds(
                        render(
                                "--set",
                                "ingress.enabled=true",
                                "--set",
                                "ingress.className=nginx",
                                "--set",
                                "ingress.apiHost=cards.example.com",
                                "--set",
                                "ingress.ingestHost=ingest.example.com",
                                "--set",
                                "ingress.tls.secretName=cards-tls"),
                        "Ingress")
                .get(0);

        assertThat(ingress)
                .contains(
                        "ingressClassName: nginx",
                        "secretName: cards-tls",
                        "- \"cards.example.com\"",
                        "host: \"ingest.example.com\"",
                        "name: test-card-status-api\n",
                        "name: test-card-status-ingest\n");
        assertThatThrownBy(() -> render(
                        "--set",
                        "ingress.enabled=true",
                        "--set",
                        "ingress.apiHost=a.example.com",
                        "--set",
                        "ingress.ingestHost=b.example.com"))
                .hasMessageContaining("ingress.tls.secretName");
    }

    @Test
    void mountsTlsMaterialAndExtraSettingsForKafkaAndPostgresInEveryService() {
        String manifest = render(
                "--set",
                "tls.existingSecret=broker-tls",
                "--set",
                "extraEnv[0].name=SPRING_KAFKA_SECURITY_PROTOCOL",
                "--set",
                "extraEnv[0].value=SASL_SSL");

        for (String workload : workloads(manifest)) {
            assertThat(workload)
                    .contains(
                            "mountPath: /etc/card-status/tls",
                            "secretName: broker-tls",
                            "name: SPRING_KAFKA_SECURITY_PROTOCOL",
                            "value: SASL_SSL");
        }
    }

    @Test
    void logsEachKafkaServiceInAsItsOwnPrincipalWithItsPasswordFromASecretWhenSaslIsEnabled() {
        String manifest = render(
                "--set",
                "kafka.sasl.enabled=true",
                "--set",
                "kafka.sasl.existingSecret=kafka-logins",
                "--set",
                "kafka.partnerTopicsShared=false");

        for (String service : List.of("processor", "ingest", "notifier")) {
            assertThat(workload(manifest, "test-card-status-" + service))
                    .as(service)
                    .contains(
                            "name: SPRING_KAFKA_SECURITY_PROTOCOL\n              value: \"SASL_SSL\"",
                            "name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM\n              value: \"SCRAM-SHA-512\"",
                            "name: kafka-logins\n                  key: kafka-" + service + "-password",
                            "ScramLoginModule required username=\\\"cardstatus-" + service
                                    + "\\\" password=\\\"$(KAFKA_SASL_PASSWORD)\\\";");
        }
        assertThat(workload(manifest, "test-card-status-api")).doesNotContain("SASL");
        assertThat(manifest).contains("CARDSTATUS_INGEST_PARTNERTOPICS_SHARED: \"false\"");
        assertThat(render()).doesNotContain("SASL", "PARTNERTOPICS");
        assertThatThrownBy(() -> render("--set", "kafka.sasl.enabled=true"))
                .hasMessageContaining("kafka.sasl.existingSecret is required");
        assertThatThrownBy(() -> render(
                        "--set", "kafka.sasl.existingSecret=kafka-logins", "--set", "kafka.sasl.mechanism=PLAIN"))
                .hasMessageContaining("mechanism");
    }

    @Test
    void rollsPodsWhenTheConfigurationChanges() {
        String before = checksum(render());
        String after = checksum(render("--set", "ingest.partnerZone=Europe/London"));

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void mountsTheReasonMappingFromAConfigMapWhoseChangesReloadWithoutRollingThePods() {
        String mapping = "partners: {swiftpost: {codes: {NH: RECIPIENT_UNAVAILABLE}}}";
        String manifest = render("--set", "reasons.mapping=" + mapping, "--set", "reasons.reloadInterval=PT30S");
        String processor = workload(manifest, "test-card-status-processor");

        assertThat(documents(manifest, "name: test-card-status-reasons\n"))
                .singleElement()
                .asString()
                .contains("reason-mapping.yaml: |\n    " + mapping);
        assertThat(processor)
                .contains("- name: CARDSTATUS_REASONS_MAPPINGFILE\n              value: "
                        + "/etc/card-status/reasons/reason-mapping.yaml")
                .contains("- name: CARDSTATUS_REASONS_RELOADINTERVAL\n              value: \"PT30S\"")
                .contains("{name: reasons, mountPath: /etc/card-status/reasons, readOnly: true}")
                .doesNotContain("subPath:");
        assertThat(checksum(manifest)).isEqualTo(checksum(render()));
        assertThat(render()).doesNotContain("CARDSTATUS_REASONS_MAPPINGFILE").doesNotContain("-reasons\n");
    }

    @Test
    void hasAnAutoscalerForTheApiAndDisruptionBudgetsForEveryService() {
        String manifest = render();

        assertThat(kinds(manifest, "HorizontalPodAutoscaler"))
                .singleElement()
                .satisfies(hpa -> assertThat(hpa).contains("name: test-card-status-api", "averageUtilization: 70"));
        assertThat(kinds(manifest, "PodDisruptionBudget")).hasSize(4);
    }

    @Test
    void usesAnExistingDatabaseSecretInsteadOfCreatingOne() {
        String manifest = render("--set", "postgresql.existingSecret=vault-db", "--set", "postgresql.api.password=x");

        assertThat(kinds(manifest, "Secret")).isEmpty();
        assertThat(kinds(manifest, "Deployment").get(0)).contains("name: vault-db");
    }

    @Test
    void rendersNoMonitoringResourcesByDefault() {
        String manifest = render();

        assertThat(kinds(manifest, "ServiceMonitor")).isEmpty();
        assertThat(kinds(manifest, "ConfigMap")).hasSize(1);
        assertThat(kinds(manifest, "Service")).hasSize(3);
        assertThat(manifest).doesNotContain("LOGGING_STRUCTURED_FORMAT_CONSOLE");
    }

    @Test
    void scrapesTheThreeServicesWithTheMetricsKeyFromASecretWhenTheServiceMonitorIsEnabled() {
        String manifest = render(
                "--set",
                "metrics.serviceMonitor.enabled=true",
                "--set",
                "metrics.serviceMonitor.keySecret.name=prometheus-card-status",
                "--set",
                "metrics.serviceMonitor.labels.release=kube-prometheus");

        assertThat(kinds(manifest, "ServiceMonitor"))
                .singleElement()
                .satisfies(monitor -> assertThat(monitor)
                        .contains(
                                "release: kube-prometheus",
                                "app.kubernetes.io/instance: test",
                                "port: http",
                                "path: /actuator/prometheus",
                                "type: ApiKey",
                                "name: prometheus-card-status",
                                "key: metrics-key"));
        assertThat(kinds(manifest, "Service"))
                .hasSize(4)
                .anySatisfy(service -> assertThat(service)
                        .contains("name: test-card-status-processor", "app.kubernetes.io/name: status-processor"));
        assertThatThrownBy(() -> render("--set", "metrics.serviceMonitor.enabled=true"))
                .hasMessageContaining("metrics.serviceMonitor.keySecret.name");
    }

    @Test
    void shipsTheGrafanaDashboardInAConfigMapForTheSidecarWhenEnabled() {
        String manifest = render("--set", "metrics.dashboard.enabled=true");

        assertThat(documents(manifest, "name: test-card-status-dashboard\n"))
                .singleElement()
                .satisfies(map -> assertThat(map)
                        .contains(
                                "grafana_dashboard: \"1\"",
                                "card-status.json: |-",
                                "\"uid\": \"card-status\"",
                                "cardstatus_upload_rows_total"));
    }

    @Test
    void logsJsonWhenAStructuredFormatIsChosen() {
        assertThat(render("--set", "logging.structuredFormat=ecs"))
                .contains("LOGGING_STRUCTURED_FORMAT_CONSOLE: \"ecs\"");
        assertThatThrownBy(() -> render("--set", "logging.structuredFormat=xml"))
                .hasMessageContaining("structuredFormat");
    }

    @Test
    void limitsEachServicesTrafficWithNetworkPoliciesOnlyWhenEnabled() {
        assertThat(kinds(render(), "NetworkPolicy")).as("off by default").isEmpty();

        String manifest = render(
                "--set",
                "networkPolicy.enabled=true",
                "--set",
                "networkPolicy.monitoring[0].namespaceSelector.matchLabels.team=monitoring");
        List<String> policies = kinds(manifest, "NetworkPolicy");
        assertThat(policies).hasSize(4);
        for (String policy : policies) {
            assertThat(policy)
                    .contains(
                            "policyTypes: [Ingress, Egress]",
                            "- {port: 9092, protocol: TCP}",
                            "- {port: 5432, protocol: TCP}",
                            "- {port: 53, protocol: UDP}",
                            "k8s-app: kube-dns",
                            "team: monitoring");
        }
        for (String component : List.of("status-api", "ingest-producer", "status-notifier")) {
            assertThat(policy(policies, component))
                    .as(component)
                    .contains(
                            "- ports:\n        - {port: http, protocol: TCP}\n      from:\n        - podSelector: {}");
        }
        assertThat(policy(policies, "status-processor"))
                .as("the processor takes only monitoring's scrapes")
                .doesNotContain("podSelector: {}");
        assertThat(policy(policies, "status-notifier")).contains("- {port: 443, protocol: TCP}");
        assertThat(policy(policies, "status-api")).doesNotContain("port: 443");
        assertThat(policy(policies, "ingest-producer"))
                .as("the console calls status-api and the notifier")
                .contains("app.kubernetes.io/name: status-api", "app.kubernetes.io/name: status-notifier");

        String narrowed = render(
                "--set",
                "networkPolicy.enabled=true",
                "--set",
                "networkPolicy.clients[0].namespaceSelector.matchLabels.team=edge",
                "--set",
                "notifier.enabled=false");
        assertThat(kinds(narrowed, "NetworkPolicy"))
                .hasSize(3)
                .allSatisfy(policy -> assertThat(policy).doesNotContain("podSelector: {}"));
        assertThat(policy(kinds(narrowed, "NetworkPolicy"), "status-api")).contains("team: edge");
        assertThatThrownBy(() -> render("--set", "networkPolicy.kafka.ports[0]=0"))
                .hasMessageContaining("ports");
    }

    private static String policy(List<String> policies, String component) {
        return policies.stream()
                .filter(p -> p.contains("name: test-card-status-" + component + "\n"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void connectsToPostgresqlOverTlsVerifyingTheServerByDefault() {
        String manifest = new Helm(CHART)
                .template()
                .withName("test")
                .set("tls.existingSecret", "card-status-tls")
                .call();

        assertThat(kinds(manifest, "ConfigMap").get(0))
                .contains("SPRING_DATASOURCE_URL: \"jdbc:postgresql://postgresql:5432/cardstatus"
                        + "?sslmode=verify-full&sslrootcert=/etc/card-status/tls/postgres-root.crt\"");
        for (String workload : workloads(manifest)) {
            assertThat(workload).contains("mountPath: /etc/card-status/tls");
        }
    }

    @Test
    void givesEveryServiceThePersonalDataKeysFromTheirSecret() {
        assertThat(render()).doesNotContain("CARDSTATUS_PERSONALDATA_KEK");
        String manifest = render("--set", "personalData.existingSecret=card-status-keys");
        assertThat(workloads(manifest))
                .hasSize(4)
                .allSatisfy(workload -> assertThat(workload)
                        .contains("- name: CARDSTATUS_PERSONALDATA_KEK\n"
                                + "              valueFrom:\n"
                                + "                secretKeyRef:\n"
                                + "                  name: card-status-keys\n"
                                + "                  key: kek.json")
                        .contains("- name: CARDSTATUS_PERSONALDATA_PHONEHASHKEY\n"
                                + "              valueFrom:\n"
                                + "                secretKeyRef:\n"
                                + "                  name: card-status-keys\n"
                                + "                  key: phone-hash-key"));
    }

    @Test
    void theValuesSchemaRejectsBadValues() {
        assertThatThrownBy(() -> render("--set", "processor.replicaCount=0")).hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> render("--set", "ingest.dateOrder=SIDEWAYS")).hasMessageContaining("dateOrder");
        assertThatThrownBy(() -> render("--set", "postgresql.url=mysql://x")).hasMessageContaining("url");
        assertThatThrownBy(() -> render("--set", "image.pullPolicy=Sometimes")).hasMessageContaining("pullPolicy");
        assertThatThrownBy(() -> render(
                        "--set",
                        "security.apiKeys[0].name=k",
                        "--set",
                        "security.apiKeys[0].role=ops",
                        "--set",
                        "security.apiKeys[0].sha256=csk_thekeyitself"))
                .as("a key instead of its hash")
                .hasMessageContaining("sha256");
        assertThatThrownBy(() -> render(
                        "--set",
                        "security.apiKeys[0].name=k",
                        "--set",
                        "security.apiKeys[0].role=admin",
                        "--set",
                        "security.apiKeys[0].sha256=" + HASH))
                .hasMessageContaining("role");
    }

    private static String render(String... sets) {
        var template = new Helm(CHART)
                .template()
                .withName("test")
                .set("kafka.bootstrapServers", "kafka-0.kafka:9092")
                .set("postgresql.url", "jdbc:postgresql://db:5432/cards");
        for (int i = 0; i + 1 < sets.length; i += 2) {
            String[] pair = sets[i + 1].split("=", 2);
            template = template.set(pair[0], pair[1]);
        }
        return template.call();
    }

    private static List<String> workloads(String manifest) {
        List<String> workloads = new ArrayList<>(kinds(manifest, "Deployment"));
        workloads.addAll(kinds(manifest, "StatefulSet"));
        return workloads;
    }

    private static List<String> kinds(String manifest, String kind) {
        return documents(manifest, "\nkind: " + kind + "\n");
    }

    private static List<String> documents(String manifest, String marker) {
        return Arrays.stream(manifest.split("\n---"))
                .filter(d -> d.contains(marker))
                .toList();
    }

    private static String workload(String manifest, String name) {
        return workloads(manifest).stream()
                .filter(w -> w.contains("name: " + name + "\n"))
                .findFirst()
                .orElseThrow();
    }

    private static String checksum(String manifest) {
        return checksum(manifest, "checksum/config");
    }

    private static String checksum(String manifest, String annotation) {
        String workload = workloads(manifest).get(0);
        int at = workload.indexOf(annotation + ": ");
        return workload.substring(at, workload.indexOf('\n', at));
    }
}
