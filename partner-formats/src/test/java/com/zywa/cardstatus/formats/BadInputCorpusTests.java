package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every file of the bad-input corpus ({@code src/test/resources/corpus}) gives exactly the outcome written in
 * its {@code .expected} file: refused as a whole with a code and message, or rows accepted, rejected and warned
 * with their lines and reasons, and the reason code each accepted row carries (and the reason it states, if any). Nothing crashes, and every message says what, where and why.
 */
class BadInputCorpusTests {

    private static final Logger log = LoggerFactory.getLogger(BadInputCorpusTests.class);

    private final PartnerProfile partner = TestPartner.profile();

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(BadInputCorpusTests.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> inputs = files.filter(file -> !file.toString().endsWith(".expected"))
                    .sorted()
                    .toList();
            return inputs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void givesTheExpectedOutcome(Path file) throws IOException {
        String actual = outcome(file);
        log.info("{}:\n{}", file.getFileName(), actual.length() > 400 ? actual.substring(0, 400) + "..." : actual);

        assertThat(actual).isEqualTo(Files.readString(Path.of(file + ".expected"), StandardCharsets.UTF_8));
    }

    @Test
    void holdsAtLeastThirtyFiles() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }

    private String outcome(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines = new ArrayList<>();
        int[] accepted = {0};
        TextEncoding encoding;
        try {
            encoding = partner.fileReader()
                    .read(() -> Files.newInputStream(file), TestPartner.upload(name), outcome -> {
                        if (outcome instanceof RowOutcome.Accepted ok) {
                            accepted[0]++;
                            ok.warnings().forEach(warning -> lines.add("warning " + warning));
                            if (ok.event().rawReason() != null) {
                                lines.add("reason code line " + ok.line() + ": "
                                        + ok.event().rawReason()
                                        + (ok.event().reason() == null
                                                ? ""
                                                : " states " + ok.event().reason()));
                            }
                        } else if (outcome instanceof RowOutcome.Rejected bad) {
                            lines.add("rejected " + bad.reason());
                        }
                    });
        } catch (FileRefusedException e) {
            return "refused " + e.code() + ": " + e.getMessage() + "\n";
        }
        if (encoding.warning() != null) {
            lines.add(0, "warning line 1: " + encoding.warning());
        }
        lines.add(0, "accepted " + accepted[0]);
        return String.join("\n", lines) + "\n";
    }
}
