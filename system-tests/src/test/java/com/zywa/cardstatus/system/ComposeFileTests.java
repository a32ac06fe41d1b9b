package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml as a laptop or a single host runs it: what it publishes is reachable from this host only. */
class ComposeFileTests {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Path ROLES = Path.of("..", "deploy", "postgres", "roles.sql");

    @Test
    void publishesEveryPortOnTheLoopbackAddressOnly() throws IOException {
        List<String> published = Pattern.compile("(?m)^\\s+- \"([^\"]*:\\d+)\"\\s*$")
                .matcher(Files.readString(COMPOSE))
                .results()
                .map(port -> port.group(1))
                .toList();

        assertThat(published).hasSize(3).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
    }

    @Test
    void givesRolesSqlItsPlainDefaultPasswordsOnlyAsLocalUse() throws IOException {
        String roles = Files.readString(ROLES);
        assertThat(roles)
                .as("roles.sql takes SCRAM verifiers; plain passwords only when told they are for local use")
                .contains(
                        "LIKE 'SCRAM-SHA-256$%'",
                        ":'plain_passwords' = 'local'", "SELECT 1 / 0 AS a_plain_password_was_given")
                .doesNotContainPattern("(?i)PASSWORD\\s+'");

        assertThat(Files.readString(COMPOSE))
                .contains("CARDSTATUS_DB_PLAIN_PASSWORDS: local")
                .contains("for this host only");
    }
}
