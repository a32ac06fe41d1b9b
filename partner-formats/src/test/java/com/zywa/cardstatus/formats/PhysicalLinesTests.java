package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicalLinesTests {

    @Test
    void endsLinesAtCrlfLfOrCrAndNumbersThem() throws IOException {
        assertThat(lines("a\r\nb\nc\rd", 100))
                .extracting(PhysicalLines.Line::number, PhysicalLines.Line::text)
                .containsExactly(tuple(1, "a"), tuple(2, "b"), tuple(3, "c"), tuple(4, "d"));
    }

    @Test
    void keepsBlankLinesAndReadsNoLineAfterTheLastTerminator() throws IOException {
        assertThat(lines("a\n\nb\r\n", 100))
                .extracting(PhysicalLines.Line::text)
                .containsExactly("a", "", "b");
    }

    @Test
    void treatsACrlfSplitAcrossReadsAsOneTerminator() throws IOException {
        String first = "x".repeat(8191);

        assertThat(lines(first + "\r\nnext\n", 10_000))
                .extracting(PhysicalLines.Line::text)
                .containsExactly(first, "next");
    }

    @Test
    void keepsOnlyTheStartOfALineOverTheLimitButCountsAllOfIt() throws IOException {
        List<PhysicalLines.Line> lines = lines("short\n" + "y".repeat(100_000) + "\nafter\n", 1_000);

        assertThat(lines.get(1).text()).hasSize(1_000);
        assertThat(lines.get(1).length()).isEqualTo(100_000);
        assertThat(lines.get(1).cut()).isTrue();
        assertThat(lines.get(2).number()).isEqualTo(3);
        assertThat(lines.get(2).text()).isEqualTo("after");
    }

    private static List<PhysicalLines.Line> lines(String text, int limit) throws IOException {
        List<PhysicalLines.Line> lines = new ArrayList<>();
        try (PhysicalLines reader = new PhysicalLines(new StringReader(text), limit)) {
            for (PhysicalLines.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
