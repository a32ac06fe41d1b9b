package com.zywa.cardstatus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HarnessTests {

    @Test
    void theWarmUpMirrorsTheMeasuredRunButIsNeverSmallerThan200000Rows() {
        assertThat(Harness.defaultWarmupRows(1_000_000)).isEqualTo(1_000_000);
        assertThat(Harness.defaultWarmupRows(3_700_000)).isEqualTo(3_700_000);
        assertThat(Harness.defaultWarmupRows(100_000)).isEqualTo(200_000);
        assertThat(Harness.defaultWarmupRows(1)).isEqualTo(200_000);
    }
}
