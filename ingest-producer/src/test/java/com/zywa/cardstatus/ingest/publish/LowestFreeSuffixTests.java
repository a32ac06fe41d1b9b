package com.zywa.cardstatus.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LowestFreeSuffixTests {

    private final LowestFreeSuffix suffixes = new LowestFreeSuffix();

    @Test
    void theIdOfAFailedProducerIsTheNextOneGivenOut() {
        assertThat(suffixes.acquireSuffix("ingest-a-")).isEqualTo("0");
        assertThat(suffixes.acquireSuffix("ingest-a-")).isEqualTo("1");
        suffixes.releaseSuffix("ingest-a-", "0");

        assertThat(suffixes.acquireSuffix("ingest-a-")).isEqualTo("0");
        assertThat(suffixes.acquireSuffix("ingest-a-")).isEqualTo("2");
    }

    @Test
    void theLowestFreeIdComesFirstAndPrefixesCountApart() {
        for (int i = 0; i < 4; i++) {
            suffixes.acquireSuffix("p-");
        }
        suffixes.releaseSuffix("p-", "3");
        suffixes.releaseSuffix("p-", "1");

        assertThat(suffixes.acquireSuffix("p-")).isEqualTo("1");
        assertThat(suffixes.acquireSuffix("q-")).isEqualTo("0");
        assertThat(suffixes.acquireSuffix("p-")).isEqualTo("3");
    }
}
