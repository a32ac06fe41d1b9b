package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zywa.cardstatus.ingest.IngestProducerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two ingest processes with one instance ID would fence each other's Kafka transactions and fail each other's
 * uploads: the second one refuses to start, and the running one is untouched.
 */
@ExtendWith(PipelineExtension.class)
class InstanceLockIntegrationTests {

    @Test
    void aSecondProcessWithTheIdOfARunningInstanceRefusesToStart(Pipeline pipeline) {
        String[] sameId = Pipeline.args(
                pipeline.bootstrapServers(), pipeline.database(), "--cardstatus.ingest.instance-id=shared-test");

        assertThatThrownBy(() -> IngestProducerApplication.application().run(sameId))
                .hasStackTraceContaining("another ingest-producer with instance ID 'shared-test' is running");
        PipelineClient.Answer answer = new PipelineClient(pipeline)
                .postJson(
                        pipeline.ingestUrl() + "/events",
                        "{\"type\":\"PICKED_UP\",\"card_id\":\"ZYWLOCK1\",\"occurred_at\":\"2023-11-20T08:00:00Z\"}");
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(1);
    }
}
