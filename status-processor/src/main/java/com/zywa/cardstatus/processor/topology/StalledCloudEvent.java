package com.zywa.cardstatus.processor.topology;

import com.zywa.cardstatus.contract.CardStalled;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A stall's {@code card.stalled} record: its CloudEvent as the value, headed as a structured CloudEvent (its own
 * headers, not those the card's status record shares).
 */
final class StalledCloudEvent implements FixedKeyProcessor<String, FoldOutcome, byte[]> {

    private FixedKeyProcessorContext<String, byte[]> context;

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, FoldOutcome> record) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CardStalled.CONTENT_TYPE_HEADER, CardStalled.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withValue(record.value().stalled()).withHeaders(headers));
    }
}
