package com.zywa.cardstatus.ingest;

import com.zywa.cardstatus.contract.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The ingest counters Prometheus scrapes: rows of completed uploads ({@code cardstatus_upload_rows_total}),
 * partner events ({@code cardstatus_partner_events_total}) and failed deletions of consumed partner records
 * ({@code cardstatus_partner_events_delete_failures_total}). Labels stay few: the partner is always a configured one
 * (an unknown partner is refused before anything is counted), anything else is {@code other}; never a card or phone.
 */
@Component
public class IngestMetrics {

    private final MeterRegistry meters;
    private final Partners partners;

    IngestMetrics(MeterRegistry meters, Partners partners) {
        this.meters = meters;
        this.partners = partners;
    }

    /** The rows of an upload whose events were published: accepted and rejected rows, and warnings on them. */
    public void uploadRows(String partner, EventType kind, long accepted, long rejected, long warnings) {
        rows(partner, kind, "accepted").increment(accepted);
        rows(partner, kind, "rejected").increment(rejected);
        rows(partner, kind, "warned").increment(warnings);
    }

    /** The events of one partner request, once published. */
    public void partnerEvents(String partner, long accepted, long rejected) {
        events(partner, "accepted").increment(accepted);
        events(partner, "rejected").increment(rejected);
    }

    /** A run deleting consumed records from the partner topics that failed (contract §12). */
    public void partnerEventsDeleteFailed() {
        Counter.builder("cardstatus.partner.events.delete.failures")
                .description("Runs that could not delete consumed records from the partner topics")
                .register(meters)
                .increment();
    }

    private Counter rows(String partner, EventType kind, String outcome) {
        return Counter.builder("cardstatus.upload.rows")
                .description("Rows of completed uploads by outcome (warned: warnings on accepted rows)")
                .tags("partner", label(partner), "kind", kind.name(), "outcome", outcome)
                .register(meters);
    }

    private Counter events(String partner, String outcome) {
        return Counter.builder("cardstatus.partner.events")
                .description("Partner events (POST /events) published, by outcome")
                .tags("partner", label(partner), "outcome", outcome)
                .register(meters);
    }

    private String label(String partner) {
        return partners.isConfigured(partner) ? partner : "other";
    }
}
