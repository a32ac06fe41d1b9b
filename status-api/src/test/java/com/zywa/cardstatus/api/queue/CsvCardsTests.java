package com.zywa.cardstatus.api.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCardsTests {

    @Test
    void writesFormulaLikeCellsAsText() {
        assertThat(CsvCards.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCards.cell("+971******014")).isEqualTo("'+971******014");
        assertThat(CsvCards.cell("-3")).isEqualTo("'-3");
        assertThat(CsvCards.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCards.cell("\tx")).isEqualTo("'\tx");
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaksAndLeavesPlainTextAlone() {
        assertThat(CsvCards.cell("left, at door")).isEqualTo("\"left, at door\"");
        assertThat(CsvCards.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCards.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCards.cell("=A1,B1")).isEqualTo("\"'=A1,B1\"");
        assertThat(CsvCards.cell("ZYW8827")).isEqualTo("ZYW8827");
        assertThat(CsvCards.cell(null)).isEmpty();
    }
}
