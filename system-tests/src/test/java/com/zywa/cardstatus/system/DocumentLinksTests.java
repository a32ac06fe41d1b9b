package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link of the repository's Markdown pages leads to a file or folder of the repository. */
class DocumentLinksTests {

    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkLeadsToAFileOfTheRepository() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(ROOT)) {
            pages = files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> Stream.of(ROOT.relativize(f).toString().split("/"))
                            .noneMatch(part -> part.equals("target") || part.startsWith(".")))
                    .toList();
        }
        List<String> links = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*", "");
                if (!target.isEmpty() && !target.contains("://") && !target.startsWith("mailto:")) {
                    links.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }

        assertThat(pages).hasSizeGreaterThan(5);
        assertThat(links).isNotEmpty().allSatisfy(link -> {
            String[] parts = link.split(" -> ");
            assertThat(ROOT.resolve(parts[0]).resolveSibling(parts[1])).as(link).exists();
        });
    }
}
