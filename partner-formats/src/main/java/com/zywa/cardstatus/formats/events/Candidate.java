package com.zywa.cardstatus.formats.events;

import com.zywa.cardstatus.contract.EventSource;
import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.formats.FileKinds;
import com.zywa.cardstatus.formats.RowMapper;
import com.zywa.cardstatus.formats.RowOutcome;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One partner event as it arrived, before validation: either a {@link PartnerEvent} to validate (from our JSON or
 * from a CloudEvent) or a refusal found while reading it (not a CloudEvent, an unknown type or source); {@code raw}
 * gives its original text, built only if it is rejected.
 */
public record Candidate(
        @Nullable PartnerEvent event, @Nullable String refusal, Supplier<String> raw) {

    /** An event of our own JSON form (null when the request held a JSON null). */
    public static Candidate of(@Nullable PartnerEvent event) {
        return new Candidate(event, null, () -> Json.MAPPER.writeValueAsString(event));
    }

    public static Candidate event(PartnerEvent event, Supplier<String> raw) {
        return new Candidate(event, null, raw);
    }

    public static Candidate refused(String reason, Supplier<String> raw) {
        return new Candidate(null, reason, raw);
    }

    /**
     * What this candidate becomes as event {@code index} of its request or topic: a refusal stays refused, anything
     * else is validated by {@code mapper} exactly as a CSV row is; {@code source} says where an accepted event came
     * from.
     */
    public RowOutcome outcome(RowMapper mapper, int index, EventSource source) {
        String where = "event " + index;
        if (refusal != null) {
            return new RowOutcome.Rejected(index, where + ": " + refusal, raw.get());
        }
        if (event == null) {
            return new RowOutcome.Rejected(index, where + ": is null, expected an object", "null");
        }
        Optional<EventType> type = FileKinds.parse(event.type());
        if (type.isEmpty()) {
            return new RowOutcome.Rejected(
                    index,
                    where + ": type '" + event.type()
                            + "' is not one of PICKED_UP, DELIVERY_EXCEPTION, DELIVERED, RETURNED",
                    raw.get());
        }
        return mapper.map(
                index,
                where,
                raw,
                type.get(),
                new RowMapper.Fields(
                        event.cardId(),
                        event.occurredAt(),
                        event.phone(),
                        event.comment(),
                        event.reason(),
                        event.partnerEventId()),
                source);
    }
}
