package com.zywa.cardstatus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HarnessTests {

    @Test
    void theWarmUpMirrorsTheMeasuredRunButIsNeverSmallerThan200000Rows() {
        assertThat(Harness.defaultWarmupRows(1_000_000, 1)).isEqualTo(1_000_000);
        assertThat(Harness.defaultWarmupRows(3_700_000, 1)).isEqualTo(3_700_000);
        assertThat(Harness.defaultWarmupRows(100_000, 1)).isEqualTo(200_000);
        assertThat(Harness.defaultWarmupRows(1, 1)).isEqualTo(200_000);
        assertThat(Harness.defaultWarmupRows(100_000, 3))
                .as("each instance warms up as one would")
                .isEqualTo(600_000);
    }
}
