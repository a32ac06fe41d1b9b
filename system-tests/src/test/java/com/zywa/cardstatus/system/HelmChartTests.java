package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart in {@code charts/card-status}, linted and rendered with the Helm library itself: what a platform
 * team relies on (probes, security context, wiring, rolling on config changes, schema checks) is asserted.
 */
class HelmChartTests {

    private static final Path CHART = Path.of("..", "charts", "card-status");

    @Test
    void lintsClean() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersTheThreeServicesWithProbesOnTheActuatorHealthGroups() {
        String manifest = render();

        assertThat(kinds(manifest, "Deployment")).hasSize(2);
        assertThat(kinds(manifest, "StatefulSet")).hasSize(1);
        for (String workload : workloads(manifest)) {
            assertThat(workload).contains("path: /actuator/health/liveness", "path: /actuator/health/readiness",
                    "port: http");
        }
    }

    @Test
    void rendersSecureDefaults() {
        for (String workload : workloads(render())) {
            assertThat(workload).contains("runAsNonRoot: true", "runAsUser: 10001", "readOnlyRootFilesystem: true",
                    "allowPrivilegeEscalation: false", "- ALL", "type: RuntimeDefault",
                    "automountServiceAccountToken: false", "mountPath: /tmp");
        }
    }

    @Test
    void wiresKafkaPostgresAndTheDatabaseSecretIntoEveryService() {
        String manifest = render("--set", "postgresql.password=s3cret");

        String config = kinds(manifest, "ConfigMap").get(0);
        assertThat(config).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS: \"kafka-0.kafka:9092\"",
                "SPRING_DATASOURCE_URL: \"jdbc:postgresql://db:5432/cards\"", "CARDSTATUS_TOPICS_PARTITIONS: \"12\"",
                "CARDSTATUS_TOPICS_REPLICAS: \"3\"", "CARDSTATUS_TOPICS_MININSYNCREPLICAS: \"2\"",
                "CARDSTATUS_TOPICS_REJECTSRETENTION: \"30d\"", "CARDSTATUS_TOPICS_DEADLETTERRETENTION: \"30d\"");
        assertThat(config).as("event topics keep their records forever unless a retention is set")
                .doesNotContain("CARDSTATUS_TOPICS_EVENTRETENTION");
        assertThat(kinds(manifest, "Secret").get(0)).contains("password: \"czNjcmV0\"");
        for (String workload : workloads(manifest)) {
            assertThat(workload).contains("name: SPRING_DATASOURCE_PASSWORD", "name: test-card-status-db",
                    "checksum/config:", "name: test-card-status");
        }
        assertThat(kinds(manifest, "Deployment")).filteredOn(d -> d.contains("name: test-card-status-processor\n"))
                .singleElement().asString()
                .contains("name: SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS", "value: \"1\"");
        assertThat(kinds(manifest, "StatefulSet").get(0)).contains("fieldPath: metadata.name");
    }

    @Test
    void rollsPodsWhenTheConfigurationChanges() {
        String before = checksum(render());
        String after = checksum(render("--set", "ingest.partnerZone=Europe/London"));

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void hasAnAutoscalerForTheApiAndDisruptionBudgetsForEveryService() {
        String manifest = render();

        assertThat(kinds(manifest, "HorizontalPodAutoscaler")).singleElement()
                .satisfies(hpa -> assertThat(hpa).contains("name: test-card-status-api", "averageUtilization: 70"));
        assertThat(kinds(manifest, "PodDisruptionBudget")).hasSize(3);
    }

    @Test
    void usesAnExistingSecretInsteadOfCreatingOne() {
        String manifest = render("--set", "postgresql.existingSecret=vault-db", "--set", "postgresql.password=x");

        assertThat(kinds(manifest, "Secret")).isEmpty();
        assertThat(kinds(manifest, "Deployment").get(0)).contains("name: vault-db");
    }

    @Test
    void theValuesSchemaRejectsBadValues() {
        assertThatThrownBy(() -> render("--set", "processor.replicaCount=0")).hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> render("--set", "ingest.dateOrder=SIDEWAYS")).hasMessageContaining("dateOrder");
        assertThatThrownBy(() -> render("--set", "postgresql.url=mysql://x")).hasMessageContaining("url");
        assertThatThrownBy(() -> render("--set", "image.pullPolicy=Sometimes")).hasMessageContaining("pullPolicy");
    }

    private static String render(String... sets) {
        var template = new Helm(CHART).template().withName("test")
                .set("kafka.bootstrapServers", "kafka-0.kafka:9092")
                .set("postgresql.url", "jdbc:postgresql://db:5432/cards");
        for (int i = 0; i + 1 < sets.length; i += 2) {
            String[] pair = sets[i + 1].split("=", 2);
            template = template.set(pair[0], pair[1]);
        }
        return template.call();
    }

    private static List<String> workloads(String manifest) {
        List<String> workloads = new java.util.ArrayList<>(kinds(manifest, "Deployment"));
        workloads.addAll(kinds(manifest, "StatefulSet"));
        return workloads;
    }

    private static List<String> kinds(String manifest, String kind) {
        return documents(manifest, "\nkind: " + kind + "\n");
    }

    private static List<String> documents(String manifest, String marker) {
        return Arrays.stream(manifest.split("\n---")).filter(d -> d.contains(marker)).toList();
    }

    private static String checksum(String manifest) {
        String workload = workloads(manifest).get(0);
        int at = workload.indexOf("checksum/config: ");
        return workload.substring(at, workload.indexOf('\n', at));
    }
}
