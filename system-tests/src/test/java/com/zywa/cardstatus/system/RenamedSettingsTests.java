package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.ingest.IngestSettings;
import com.zywa.cardstatus.support.TestEnvironments;
import com.zywa.cardstatus.support.TopicSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings renamed to {@code cardstatus.*} (CHANGELOG.md) still work under their old names for one release, as
 * the services start with them: Spring's properties migrator maps the old names the configuration metadata lists
 * as deprecated, and service-support's {@code OldPrefixMigration} the old prefix {@code card-status.*}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RenamedSettingsTests {

    private static final SettingsMetadata METADATA = SettingsMetadata.read();

    @Test
    void oldNamesStillWorkForOneReleaseWithAWarningNamingTheNewOnes(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(
                Map.of(
                        "INGEST_PARTNERZONE", "Europe/London",
                        "INGEST_PARTNERS_FASTCOURIER_DATEORDER", "MONTH_FIRST",
                        "INGEST_RETENTION_REJECTEDROWS", "P7D",
                        "API_PHONEREGION", "GB"),
                "--card-status.topics.partitions=5",
                "--cardstatus.api.lookup-audit.phone-hash-key=the-audit-key-of-an-older-release-000")) {
            IngestSettings ingest = context.getBean(IngestSettings.class);
            TopicSettings topics = context.getBean(TopicSettings.class);

            assertThat(ingest.partnerZone()).isEqualTo(ZoneId.of("Europe/London"));
            assertThat(ingest.partners().get("fastcourier").dateOrder()).hasToString("MONTH_FIRST");
            assertThat(topics.rejectsRetention()).isEqualTo(Duration.ofDays(7));
            assertThat(topics.partitions()).isEqualTo(5);
            assertThat(Binder.get(context.getEnvironment())
                            .bind("cardstatus.api.phone-region", String.class)
                            .get())
                    .isEqualTo("GB");
            assertThat(Binder.get(context.getEnvironment())
                            .bind("cardstatus.personal-data.phone-hash-key", String.class)
                            .get())
                    .as("the lookup audit's key is the services' key of phones' hashes now")
                    .isEqualTo("the-audit-key-of-an-older-release-000");
        }
        assertThat(output)
                .contains(
                        "Replacement: cardstatus.ingest.partner-zone",
                        "Replacement: cardstatus.topics.rejects-retention",
                        "Replacement: cardstatus.api.phone-region",
                        "Replacement: cardstatus.personal-data.phone-hash-key",
                        "card-status.topics.partitions (in commandLineArgs) is renamed cardstatus.topics.partitions");
    }

    @Test
    void theCurrentNamesStartWithoutAWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(Map.of(
                "CARDSTATUS_TOPICS_PARTITIONS", "5",
                "CARDSTATUS_TOPICS_REJECTSRETENTION", "P7D",
                "CARDSTATUS_INGEST_PARTNERZONE", "Europe/London"))) {
            assertThat(context.getBean(TopicSettings.class).partitions()).isEqualTo(5);
            assertThat(context.getBean(IngestSettings.class).partnerZone()).isEqualTo(ZoneId.of("Europe/London"));
        }
        assertThat(output).doesNotContain("Replacement:", "is renamed");
    }

    @Test
    void everyOldNameInTheMetadataNamesASettingOfTheSameType() {
        assertThat(METADATA.renamed()).isNotEmpty();
        assertThat(METADATA.renamed().values())
                .allSatisfy(old -> assertThat(METADATA.current())
                        .as("%s is replaced by %s", old.name(), old.replacement())
                        .containsKey(old.replacement())
                        .extractingByKey(old.replacement())
                        .extracting(SettingsMetadata.Setting::type)
                        .as("the migrator maps %s only onto a setting of the same type", old.name())
                        .isEqualTo(old.type()));
    }

    private static ConfigurableApplicationContext start(Map<String, Object> variables, String... arguments) {
        StandardEnvironment environment = TestEnvironments.withVariables(variables);
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(environment);
        return application.run(arguments);
    }

    /** Only the settings records: what a service binds at start-up, without the service. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IngestSettings.class, TopicSettings.class})
    static class Settings {}
}
