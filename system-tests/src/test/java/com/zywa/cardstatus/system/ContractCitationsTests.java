package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code, tests and documents cite the product contract as "contract §N" (also "contract §3–§4", "contract §5 and
 * §6", "docs/contract.md §2"); every section they name exists in {@code docs/contract.md}, and so does every section
 * the contract names itself, so renumbering it or citing from memory fails the build instead of misleading a reader.
 */
class ContractCitationsTests {

    private static final Path ROOT = Path.of("..");
    private static final Path CONTRACT = ROOT.resolve("docs").resolve("contract.md");
    private static final Pattern SECTION = Pattern.compile("^## (\\d+)\\. ", Pattern.MULTILINE);
    private static final Pattern CITATION =
            Pattern.compile("contract(?:\\.md)?\\)?\\s*(§\\d+(?:\\s*(?:–|-|,|and|or)\\s*§\\d+)*)");
    private static final Pattern NUMBER = Pattern.compile("§(\\d+)");
    private static final Set<String> SKIPPED = Set.of(".git", "target", ".local", "node_modules", "drop");
    private static final Set<String> TEXT = Set.of("java", "md", "yaml", "yml", "properties", "js", "html", "sql");

    @Test
    void everyCitationNamesASectionOfTheContract() throws IOException {
        Set<Integer> sections = numbers(SECTION, Files.readString(CONTRACT));
        List<String> citations = citations();

        assertThat(sections).isNotEmpty();
        assertThat(citations).as("contract citations found").hasSizeGreaterThan(10);
        assertThat(citations)
                .allSatisfy(citation -> assertThat(sections)
                        .as("%s names a section of %s", citation, CONTRACT)
                        .containsAll(numbers(NUMBER, citation)));
    }

    /** Every citation in the repository, as {@code file: text}; inside the contract every {@code §N} is one. */
    private static List<String> citations() throws IOException {
        List<String> citations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(ContractCitationsTests::isText).toList()) {
                String text = read(file);
                Matcher found = (file.endsWith(CONTRACT.getFileName()) ? NUMBER : CITATION).matcher(text);
                while (found.find()) {
                    citations.add(ROOT.relativize(file) + ": " + found.group());
                }
            }
        }
        return citations;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file)
                && TEXT.contains(name.substring(name.lastIndexOf('.') + 1))
                && Stream.of(ROOT.relativize(file).toString().split("/")).noneMatch(SKIPPED::contains);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Integer> numbers(Pattern pattern, String text) {
        return pattern.matcher(text)
                .results()
                .map(m -> Integer.valueOf(m.group(1)))
                .collect(Collectors.toSet());
    }
}
