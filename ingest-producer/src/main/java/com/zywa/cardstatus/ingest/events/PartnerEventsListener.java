package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.events.Candidate;
import com.zywa.cardstatus.formats.events.CloudEventMapping;
import com.zywa.cardstatus.ingest.IngestMetrics;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.ingest.publish.PhoneSealing;
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
 * Consumes the partners' CloudEvents exactly once (contract §3) from each partner's own {@code partner.events.<name>}
 * and the shared {@code partner.events} ({@link PartnerTopics}): each record is read (binary or structured mode) and
 * validated as {@code POST /events} validates; accepted events go to the event topics, rejections with their reason
 * to {@code card.rejects}, all in the transaction that also commits the consumed offsets. On a partner's own topic
 * the topic names the partner, and a record whose {@code source} is not that partner's is rejected (contract §11.3);
 * on the shared topic the record's {@code source} names it. Events are recorded as sent by {@code kafka:<topic>},
 * with the topic, partition and offset of their record in their source; phones are sealed ({@link PhoneSealing}).
 * A partner's records over its events rate
 * ({@link EventRates}) are rejected with reason {@value RateLimits#RATE_LIMITED}.
 */
@Component
class PartnerEventsListener {

    private final Partners partners;
    private final PartnerTopics topics;
    private final PartnerEventsService events;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final EventRates rates;
    private final PhoneSealing sealing;

    PartnerEventsListener(
            Partners partners,
            PartnerTopics topics,
            PartnerEventsService events,
            EventPublisher publisher,
            IngestMetrics metrics,
            EventRates rates,
            PhoneSealing sealing) {
        this.partners = partners;
        this.topics = topics;
        this.events = events;
        this.publisher = publisher;
        this.metrics = metrics;
        this.rates = rates;
        this.sealing = sealing;
    }

    @KafkaListener(
            id = PartnerEventsTopicConfig.GROUP,
            topics = "#{@partnerTopics.names()}",
            containerFactory = "partnerEventsContainerFactory")
    void receive(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Outcome> outcomes = new ArrayList<>(records.size());
        records.forEach(record -> outcomes.add(withinRate(outcome(record), record)));
        // phones sealed in one call to the key store per poll; if it fails, the transaction aborts and the batch is
        // redelivered, never published with a clear phone
        List<RowOutcome> sealed = sealing.seal(
                outcomes.stream().map(Outcome::result).toList(),
                i -> partners.profile(outcomes.get(i).partner()).phones());
        publisher.inContainerTransaction(batch -> {
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome outcome = outcomes.get(i);
                if (sealed.get(i) instanceof RowOutcome.Accepted accepted) {
                    batch.event(accepted.event());
                } else if (sealed.get(i) instanceof RowOutcome.Rejected rejected) {
                    batch.rejected(new RejectedRow(
                            null, outcome.partner(), outcome.origin(), null, rejected.reason(), rejected.raw()));
                }
            }
        });
        // counted like POST /events; the container commits after this returns, so a batch retried after a failed
        // commit is counted again
        outcomes.forEach(outcome -> metrics.partnerEvents(
                outcome.partner(),
                outcome.result() instanceof RowOutcome.Accepted ? 1 : 0,
                outcome.result() instanceof RowOutcome.Rejected ? 1 : 0));
    }

    private Outcome outcome(ConsumerRecord<byte[], byte[]> record) {
        String origin = caller(record) + "/" + record.partition() + "@" + record.offset();
        Supplier<String> raw = () -> raw(record);
        int index = (int) Math.min(record.offset(), Integer.MAX_VALUE);
        // the partner the broker vouches for: whose own topic this is (none on the shared topic)
        Optional<String> writer = topics.partnerOf(record.topic());
        try {
            CloudEventMapping.Read read = CloudEventMapping.read(
                    () -> KafkaMessageFactory.createReader(record).toEvent(), raw);
            if (read.event() == null) {
                String name = writer.orElse(null);
                return new Outcome(name, origin, events.validate(name, index, read.candidate(), source(name, record)));
            }
            String source = read.event().getSource().toString();
            Optional<String> partner = partners.partnerOfSource(source);
            Candidate candidate;
            if (writer.isPresent() && !writer.equals(partner)) {
                candidate = Candidate.refused(
                        "CloudEvent '" + read.event().getId() + "': source '" + source + "' is not partner '"
                                + writer.get() + "''s, who wrote it to its own topic " + record.topic()
                                + " (contract §11.3)",
                        raw);
            } else if (partner.isEmpty()) {
                candidate = Candidate.refused(
                        "CloudEvent '" + read.event().getId() + "': source '" + source
                                + "' is not a configured partner's",
                        raw);
            } else {
                candidate = read.candidate();
            }
            String name = writer.or(() -> partner).orElse(null);
            return new Outcome(name, origin, events.validate(name, index, candidate, source(name, record)));
        } catch (RuntimeException e) {
            return new Outcome(
                    writer.orElse(null),
                    origin,
                    new RowOutcome.Rejected(index, "record could not be read: " + e.getMessage(), raw.get()));
        }
    }

    /** Who sent the events of a record: {@code kafka:} and its topic. */
    private static String caller(ConsumerRecord<byte[], byte[]> record) {
        return "kafka:" + record.topic();
    }

    /**
     * The outcome, or a rejection ({@value RateLimits#RATE_LIMITED}) when the record's partner is over its events
     * rate: set aside in {@code card.rejects} like other rejected records, to be sent again, rather than pausing the
     * topics, whose partitions the shared {@code partner.events} mixes with every partner's records (contract §11.5).
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
                        raw(record),
                        outcome.result() instanceof RowOutcome.Accepted accepted
                                ? accepted.event().phone()
                                : null));
    }

    /** Where an event of this record came from: the partner, and the record's topic, partition and offset. */
    private static EventSource source(String partner, ConsumerRecord<byte[], byte[]> record) {
        return EventSource.kafka(partner, caller(record), record.topic(), record.partition(), record.offset());
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

    /** What became of one record, and whose it was (null when neither its topic nor its source is a partner's). */
    private record Outcome(String partner, String origin, RowOutcome result) {}
}
