package com.zywa.cardstatus.ingest.publish;

import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;

/**
 * Replaces Spring's logging producer listener, which writes one ERROR line per failed record with the start of its
 * payload: when Kafka goes away mid-file that is thousands of lines carrying card IDs and phone digits. A failed
 * batch is logged once, with its cause, by whoever published it (the upload, the partner request).
 */
@Component
class QuietProducerListener implements ProducerListener<Object, Object> {}
