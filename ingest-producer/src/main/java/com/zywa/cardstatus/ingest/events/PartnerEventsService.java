package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.formats.PartnerProfile;
import com.zywa.cardstatus.formats.RowMapper;
import com.zywa.cardstatus.formats.RowOutcome;
import com.zywa.cardstatus.formats.events.Candidate;
import com.zywa.cardstatus.formats.events.PartnerEvent;
import com.zywa.cardstatus.ingest.IngestMetrics;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.publish.EventPublisher;
import com.zywa.cardstatus.ingest.publish.PhoneSealing;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Validates partner JSON events with the same rules as CSV rows and publishes the accepted ones, with the
 * rejections, in one Kafka transaction per request, their phones sealed ({@link PhoneSealing}).
 */
@Service
class PartnerEventsService {

    private final Partners partners;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final PhoneSealing sealing;

    PartnerEventsService(Partners partners, EventPublisher publisher, IngestMetrics metrics, PhoneSealing sealing) {
        this.partners = partners;
        this.publisher = publisher;
        this.metrics = metrics;
        this.sealing = sealing;
    }

    EventResults publish(List<PartnerEvent> events, String partnerName, String caller) {
        return publishCandidates(events.stream().map(Candidate::of).toList(), partnerName, caller);
    }

    /**
     * Validates each candidate (a refused one stays refused) and publishes them all, phones sealed, in one
     * transaction; a key store that cannot be reached fails the request (nothing published), as the database does.
     */
    EventResults publishCandidates(List<Candidate> candidates, String partnerName, String caller) {
        PartnerProfile profile = partners.profile(partnerName);
        String partner = profile.name();
        RowMapper mapper = profile.rowMapper();
        EventSource source = EventSource.api(partner, caller);
        List<RowOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            outcomes.add(candidates.get(i).outcome(mapper, i, source));
        }
        List<RowOutcome> sealed = sealing.seal(outcomes, profile.phones());
        publisher.inTransaction(batch -> sealed.forEach(outcome -> {
            if (outcome instanceof RowOutcome.Accepted accepted) {
                batch.event(accepted.event());
            } else if (outcome instanceof RowOutcome.Rejected rejected) {
                batch.rejected(new RejectedRow(
                        null, partner, "api:" + caller, rejected.line(), rejected.reason(), rejected.raw()));
            }
        }));
        EventResults results = results(outcomes);
        metrics.partnerEvents(partner, results.accepted(), results.rejected());
        return results;
    }

    /**
     * Validates one candidate of {@code partnerName} exactly as a {@code POST /events} event (the Kafka inbound topic
     * uses it for each record); {@code index} numbers it in the reason.
     */
    RowOutcome validate(String partnerName, int index, Candidate candidate, EventSource source) {
        return candidate.outcome(partners.profile(partnerName).rowMapper(), index, source);
    }

    private static EventResults results(List<RowOutcome> outcomes) {
        List<EventResults.Item> items = new ArrayList<>();
        int accepted = 0;
        for (RowOutcome outcome : outcomes) {
            if (outcome instanceof RowOutcome.Accepted ok) {
                accepted++;
                items.add(
                        new EventResults.Item(ok.line(), "accepted", ok.event().eventId(), null, ok.warnings()));
            } else if (outcome instanceof RowOutcome.Rejected bad) {
                items.add(new EventResults.Item(bad.line(), "rejected", null, bad.reason(), List.of()));
            }
        }
        return new EventResults(accepted, outcomes.size() - accepted, items);
    }
}
