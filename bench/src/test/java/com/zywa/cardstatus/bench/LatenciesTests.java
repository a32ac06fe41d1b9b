package com.zywa.cardstatus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTests {

    @Test
    void percentilesZeroFiftyAndHundredAreTheSmallestTheMedianAndTheLargest() {
        // the raw Kafka baseline's five passes: their median is the baseline, the extremes its range
        Latencies passes = new Latencies();
        for (long millis : new long[] {1_920, 1_040, 1_300, 2_500, 1_100}) {
            passes.add(millis * 1_000_000);
        }

        assertThat(passes.percentileMs(0)).isEqualTo(1_040.0);
        assertThat(passes.percentileMs(50)).isEqualTo(1_300.0);
        assertThat(passes.percentileMs(100)).isEqualTo(2_500.0);
    }

    @Test
    void percentilesOfNothingAreZero() {
        assertThat(new Latencies().percentileMs(50)).isZero();
    }

    @Test
    void aPercentileRoundsUpToTheNextRecordedValue() {
        Latencies latencies = new Latencies();
        for (int millis = 1; millis <= 100; millis++) {
            latencies.add(millis * 1_000_000L);
        }

        assertThat(latencies.percentileMs(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMs(99.5)).isEqualTo(100.0);
    }
}
