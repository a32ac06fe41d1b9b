package com.zywa.cardstatus.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zywa.cardstatus.contract.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

class DeadLetterProductionExceptionHandlerTests {

    private final List<ProducerRecord<byte[], byte[]>> setAside = new ArrayList<>();
    private final ProducerRecord<byte[], byte[]> status = new ProducerRecord<>(Topics.STATUS, new byte[1], new byte[1]);

    @Test
    void setsTheSourceEventAsideWhenAStatusIsTooLargeAndContinues() {
        ProductionExceptionHandlerResponse response =
                handler(setAside::add).handle(source(), status, new RecordTooLargeException("too large"));

        assertThat(response).isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        ProducerRecord<byte[], byte[]> dead = setAside.get(0);
        assertThat(dead.topic()).isEqualTo(Topics.EVENTS_DLT);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{event}");
        assertThat(text(dead.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .startsWith("could not write to card.status: ")
                .contains("RecordTooLargeException");
        assertThat(text(dead.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("card.picked-up");
        assertThat(ByteBuffer.wrap(dead.headers()
                                .lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                                .value())
                        .getLong())
                .isEqualTo(42);
    }

    @Test
    void failsOnOtherSendErrors() {
        assertThat(handler(setAside::add).handle(source(), status, new UnknownServerException("broker")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        assertThat(setAside).isEmpty();
    }

    @Test
    void failsWhenTheDeadLetterTopicCannotBeWritten() {
        DeadLetterSink broken = record -> {
            throw new IllegalStateException("DLT unavailable");
        };

        assertThat(handler(broken).handle(source(), status, new RecordTooLargeException("too large")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
    }

    private static DeadLetterProductionExceptionHandler handler(DeadLetterSink sink) {
        DeadLetterProductionExceptionHandler handler = new DeadLetterProductionExceptionHandler();
        handler.configure(Map.of(DeadLetterSink.CONFIG, sink));
        return handler;
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext source() {
        return new ErrorHandlerContext() {
            public String topic() {
                return "card.picked-up";
            }

            public int partition() {
                return 1;
            }

            public long offset() {
                return 42;
            }

            public Headers headers() {
                return new RecordHeaders();
            }

            public String processorNodeId() {
                return "publish-status";
            }

            public TaskId taskId() {
                return new TaskId(0, 1);
            }

            public long timestamp() {
                return 0;
            }

            public byte[] sourceRawKey() {
                return "ZYW8890".getBytes(StandardCharsets.UTF_8);
            }

            public byte[] sourceRawValue() {
                return "{event}".getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
