package com.zywa.cardstatus.processor.projection;

import static com.zywa.cardstatus.processor.projection.KafkaHistory.Decision.ADOPT;
import static com.zywa.cardstatus.processor.projection.KafkaHistory.Decision.CONTINUE;
import static com.zywa.cardstatus.processor.projection.KafkaHistory.Decision.REBUILD;
import static com.zywa.cardstatus.processor.projection.KafkaHistory.Decision.REFUSE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaHistoryTests {

    private static final KafkaHistory BUILT_FROM = new KafkaHistory("cluster-a", "topic-1");

    @Test
    void theSameClusterAndTopicContinue() {
        assertThat(KafkaHistory.decide(BUILT_FROM, new KafkaHistory("cluster-a", "topic-1"), false, false))
                .isEqualTo(CONTINUE);
    }

    @Test
    void anEmptyProjectionWithoutOriginAdoptsTheKafkaItFinds() {
        assertThat(KafkaHistory.decide(null, BUILT_FROM, true, false)).isEqualTo(ADOPT);
    }

    @Test
    void aProjectionFromBeforeOriginsWereKeptAdoptsTheKafkaItFinds() {
        assertThat(KafkaHistory.decide(null, BUILT_FROM, false, false)).isEqualTo(ADOPT);
    }

    @Test
    void anEmptiedProjectionAdoptsANewCluster() {
        assertThat(KafkaHistory.decide(BUILT_FROM, new KafkaHistory("cluster-b", "topic-9"), true, false))
                .isEqualTo(ADOPT);
    }

    @Test
    void aProjectionBuiltFromAnotherClusterRefusesToStart() {
        assertThat(KafkaHistory.decide(BUILT_FROM, new KafkaHistory("cluster-b", "topic-9"), false, false))
                .isEqualTo(REFUSE);
    }

    @Test
    void aRecreatedStatusTopicOnTheSameClusterRefusesToStart() {
        assertThat(KafkaHistory.decide(BUILT_FROM, new KafkaHistory("cluster-a", "topic-2"), false, false))
                .isEqualTo(REFUSE);
    }

    @Test
    void anotherHistoryIsRebuiltWhenAllowed() {
        assertThat(KafkaHistory.decide(BUILT_FROM, new KafkaHistory("cluster-b", "topic-9"), false, true))
                .isEqualTo(REBUILD);
    }
}
