package com.zywa.cardstatus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OldPrefixMigrationTests {

    @Test
    void readsASettingWrittenUnderTheOldPrefixUnderItsNewName() {
        TopicSettings topics = migrated(Map.of("card-status.topics.partitions", "7"), Map.of());

        assertThat(topics.partitions()).isEqualTo(7);
    }

    @Test
    void theNewNameWinsWhereverItIsSet() {
        TopicSettings topics = migrated(
                Map.of(
                        "card-status.topics.partitions", "7",
                        "card-status.topics.replicas", "3",
                        "cardstatus.topics.replicas", "2"),
                Map.of("CARDSTATUS_TOPICS_PARTITIONS", "12"));

        assertThat(topics.partitions()).isEqualTo(12);
        assertThat(topics.replicas()).isEqualTo((short) 2);
    }

    @Test
    void leavesEverythingElseAsItWas() {
        StandardEnvironment environment = environment(Map.of("cardstatus.topics.partitions", "5"), Map.of());
        int sources = environment.getPropertySources().size();

        OldPrefixMigration.migrate(environment);

        assertThat(environment.getPropertySources().size()).isEqualTo(sources);
        assertThat(bind(environment).partitions()).isEqualTo(5);
    }

    private static TopicSettings migrated(Map<String, Object> file, Map<String, Object> variables) {
        StandardEnvironment environment = environment(file, variables);
        OldPrefixMigration.migrate(environment);
        return bind(environment);
    }

    private static StandardEnvironment environment(Map<String, Object> file, Map<String, Object> variables) {
        StandardEnvironment environment = TestEnvironments.withVariables(variables);
        environment.getPropertySources().addLast(new MapPropertySource("service.properties", file));
        return environment;
    }

    private static TopicSettings bind(StandardEnvironment environment) {
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("cardstatus.topics", TopicSettings.class);
    }
}
