package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class FoldCrashPolicyTests {

    @Test
    void replacesADeadThreadABoundedNumberOfTimesThenShutsTheFoldDown() {
        FoldCrashPolicy policy = new FoldCrashPolicy(2);
        IllegalStateException crash = new IllegalStateException("boom");

        assertThat(policy.handle(crash)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(policy.handle(crash)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(policy.handle(crash)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
