package com.zywa.cardstatus.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimitersTests {

    @Test
    void picksTheSeparatorThatSplitsTheHeader() {
        assertThat(Delimiters.detect("ID,Card ID,Timestamp")).isEqualTo(',');
        assertThat(Delimiters.detect("ID;Card ID;Timestamp")).isEqualTo(';');
        assertThat(Delimiters.detect("ID\tCard ID\tTimestamp")).isEqualTo('\t');
    }

    @Test
    void ignoresSeparatorsInsideQuotedHeaders() {
        assertThat(Delimiters.detect("\"a,b,c\";\"Card ID\";Timestamp")).isEqualTo(';');
    }

    @Test
    void defaultsToCommaForASingleColumn() {
        assertThat(Delimiters.detect("Card ID")).isEqualTo(',');
    }
}
