package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The configuration page cannot drift from the code: every setting of ours in Spring's configuration metadata (what
 * the settings records declare) has its row in {@code docs/configuration.md}, with its environment variable and its
 * default as the metadata states it, the page names no setting the services do not have, and {@code CHANGELOG.md}
 * lists every old name the metadata marks as renamed, beside its new one.
 */
class ConfigurationDocsTests {

    private static final Path PAGE = Path.of("..", "docs", "configuration.md");
    private static final Path CHANGELOG = Path.of("..", "CHANGELOG.md");
    private static final SettingsMetadata METADATA = SettingsMetadata.read();

    @Test
    void everySettingHasItsRowWithItsVariableAndDefault() throws IOException {
        Map<String, Row> rows = rows();

        assertThat(METADATA.current()).isNotEmpty();
        assertThat(METADATA.current().values()).allSatisfy(setting -> {
            List<Row> documented = rows.values().stream()
                    .filter(row -> setting.covers(row.name()))
                    .toList();
            assertThat(documented).as("rows of %s in %s", setting.name(), PAGE).isNotEmpty();
            if (setting.defaultValue() != null) {
                assertThat(documented)
                        .as("the default of %s", setting.name())
                        .allSatisfy(row -> assertThat(row.defaultValue()).contains("`" + setting.defaultValue() + "`"));
            }
        });
        assertThat(rows.values())
                .allSatisfy(row -> assertThat(row.variable())
                        .as("the variable of %s", row.name())
                        .isEqualTo("`" + SettingsMetadata.variable(row.name()) + "`"));
    }

    @Test
    void namesNoSettingTheServicesDoNotHave() throws IOException {
        assertThat(rows().keySet())
                .allSatisfy(name -> assertThat(METADATA.find(name))
                        .as("%s in %s is no setting of the services", name, PAGE)
                        .isNotNull());
    }

    @Test
    void theChangelogListsEveryRenamedSettingBesideItsNewName() throws IOException {
        List<String> lines = Files.readAllLines(CHANGELOG);

        assertThat(METADATA.renamed().values())
                .allSatisfy(old -> assertThat(lines)
                        .as("%s -> %s in %s", old.name(), old.replacement(), CHANGELOG)
                        .anyMatch(line -> line.contains("`" + old.name()) && line.contains("`" + old.replacement())));
    }

    /** One row of the page's table of our settings: {@code | `name` | `VARIABLE` | default | what |}. */
    record Row(String name, String variable, String defaultValue) {}

    private static Map<String, Row> rows() throws IOException {
        return Files.readAllLines(PAGE).stream()
                .filter(line -> line.startsWith("| `" + SettingsMetadata.PREFIX))
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toList())
                .map(cells -> new Row(cells.get(1).replace("`", ""), cells.get(2), cells.get(3)))
                .collect(Collectors.toMap(Row::name, Function.identity()));
    }
}
