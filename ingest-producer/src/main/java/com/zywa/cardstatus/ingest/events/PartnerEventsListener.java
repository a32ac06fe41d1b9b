package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.events.Candidate;
import com.zywa.cardstatus.formats.events.CloudEventMapping;
import com.zywa.cardstatus.ingest.IngestMetrics;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.support.limits.RateLimits;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the partners' CloudEvents on {@code partner.events} exactly once (contract §3): each record is read
 * (binary or structured mode), its {@code source} names the partner, and it is validated as {@code POST /events}
 * validates; accepted events go to the event topics, rejections with their reason to {@code card.rejects}, all in
 * the transaction that also commits the consumed offsets. Events are recorded as sent by {@code kafka:partner.events},
 * with the topic, partition and offset of their record in their source. A partner's records over its events rate
 * ({@link EventRates}) are rejected with reason {@value RateLimits#RATE_LIMITED}.
 */
@Component
class PartnerEventsListener {

    static final String CALLER = "kafka:" + Topics.PARTNER_EVENTS;

    private final Partners partners;
    private final PartnerEventsService events;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final EventRates rates;

    PartnerEventsListener(
            Partners partners,
            PartnerEventsService events,
            EventPublisher publisher,
            IngestMetrics metrics,
            EventRates rates) {
        this.partners = partners;
        this.events = events;
        this.publisher = publisher;
        this.metrics = metrics;
        this.rates = rates;
    }

    @KafkaListener(
            id = PartnerEventsTopicConfig.GROUP,
            topics = Topics.PARTNER_EVENTS,
            containerFactory = "partnerEventsContainerFactory")
    void receive(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Outcome> outcomes = new ArrayList<>(records.size());
        records.forEach(record -> outcomes.add(withinRate(outcome(record), record)));
        publisher.inContainerTransaction(batch -> outcomes.forEach(outcome -> {
            if (outcome.result() instanceof RowOutcome.Accepted accepted) {
                batch.event(accepted.event());
            } else if (outcome.result() instanceof RowOutcome.Rejected rejected) {
                batch.rejected(new RejectedRow(
                        null, outcome.partner(), outcome.origin(), null, rejected.reason(), rejected.raw()));
            }
        }));
        // counted like POST /events; the container commits after this returns, so a batch retried after a failed
        // commit is counted again
        outcomes.forEach(outcome -> metrics.partnerEvents(
                outcome.partner(),
                outcome.result() instanceof RowOutcome.Accepted ? 1 : 0,
                outcome.result() instanceof RowOutcome.Rejected ? 1 : 0));
    }

    private Outcome outcome(ConsumerRecord<byte[], byte[]> record) {
        String origin = CALLER + "/" + record.partition() + "@" + record.offset();
        Supplier<String> raw = () -> raw(record);
        int index = (int) Math.min(record.offset(), Integer.MAX_VALUE);
        try {
            CloudEventMapping.Read read = CloudEventMapping.read(
                    () -> KafkaMessageFactory.createReader(record).toEvent(), raw);
            if (read.event() == null) {
                return new Outcome(null, origin, events.validate(null, index, read.candidate(), source(null, record)));
            }
            String source = read.event().getSource().toString();
            Optional<String> partner = partners.partnerOfSource(source);
            Candidate candidate = partner.isPresent()
                    ? read.candidate()
                    : Candidate.refused(
                            "CloudEvent '" + read.event().getId() + "': source '" + source
                                    + "' is not a configured partner's",
                            raw);
            String name = partner.orElse(null);
            return new Outcome(name, origin, events.validate(name, index, candidate, source(name, record)));
        } catch (RuntimeException e) {
            return new Outcome(
                    null,
                    origin,
                    new RowOutcome.Rejected(index, "record could not be read: " + e.getMessage(), raw.get()));
        }
    }

    /**
     * The outcome, or a rejection ({@value RateLimits#RATE_LIMITED}) when the record's partner is over its events
     * rate: set aside in {@code card.rejects} like other rejected records, to be sent again, rather than pausing the
     * topic, which all partners share (contract §11.5).
     */
    private Outcome withinRate(Outcome outcome, ConsumerRecord<byte[], byte[]> record) {
        if (outcome.partner() == null) {
            return outcome;
        }
        RateLimits.Verdict verdict = rates.take(outcome.partner(), 1);
        if (verdict.allowed()) {
            return outcome;
        }
        return new Outcome(
                outcome.partner(),
                outcome.origin(),
                new RowOutcome.Rejected(
                        outcome.result().line(),
                        RateLimits.RATE_LIMITED + ": " + rates.overRate(outcome.partner(), verdict),
                        raw(record)));
    }

    /** Where an event of this record came from: the partner, and the record's topic, partition and offset. */
    private static EventSource source(String partner, ConsumerRecord<byte[], byte[]> record) {
        return EventSource.kafka(partner, CALLER, record.topic(), record.partition(), record.offset());
    }

    /** The record as received: its headers and value as text, for the rejects topic. */
    private static String raw(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder();
        for (Header header : record.headers()) {
            text.append(header.key())
                    .append(": ")
                    .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        return text.append('\n')
                .append(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8))
                .toString();
    }

    /** What became of one record, and whose it was (null when its source is no partner's). */
    private record Outcome(String partner, String origin, RowOutcome result) {}
}
