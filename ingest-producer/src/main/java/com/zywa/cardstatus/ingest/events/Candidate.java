package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.Json;
import java.util.function.Supplier;

/**
 * One partner event as it arrived, before validation: either a {@link PartnerEvent} to validate (from our JSON or
 * from a CloudEvent) or a refusal found while reading it (not a CloudEvent, an unknown type or source); {@code raw}
 * gives its original text, built only if it is rejected.
 */
record Candidate(PartnerEvent event, String refusal, Supplier<String> raw) {

    /** An event of our own JSON form (null when the request held a JSON null). */
    static Candidate of(PartnerEvent event) {
        return new Candidate(event, null, () -> Json.MAPPER.writeValueAsString(event));
    }

    static Candidate event(PartnerEvent event, Supplier<String> raw) {
        return new Candidate(event, null, raw);
    }

    static Candidate refused(String reason, Supplier<String> raw) {
        return new Candidate(null, reason, raw);
    }
}
