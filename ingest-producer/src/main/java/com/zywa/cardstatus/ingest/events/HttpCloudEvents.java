package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.formats.events.Candidate;
import com.zywa.cardstatus.formats.events.CloudEventMapping;
import com.zywa.cardstatus.ingest.Partners;
import io.cloudevents.http.HttpMessageFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads CloudEvents sent to {@code POST /events} (HTTP protocol binding: binary mode with {@code ce-} headers,
 * structured {@code application/cloudevents+json}, batch {@code application/cloudevents-batch+json}) into candidates
 * of the calling partner. An event whose {@code source} is another configured partner's makes the whole request
 * {@link ForeignSourceException} (403, like {@code ?partner=} naming another partner); an unknown {@code source} is a
 * rejection of that event only, as on the Kafka topic.
 */
final class HttpCloudEvents {

    private HttpCloudEvents() {}

    /** One event, binary or structured, from the request's headers and body. */
    static List<Candidate> single(Map<String, List<String>> headers, byte[] body, Partners partners, String partner) {
        Supplier<String> raw = () -> new String(body, StandardCharsets.UTF_8);
        return List.of(ofPartner(
                CloudEventMapping.read(
                        () -> HttpMessageFactory.createReaderFromMultimap(headers, body)
                                .toEvent(),
                        raw),
                partners,
                partner));
    }

    /** A JSON array of structured events; null when the body is not one (400). */
    static List<Candidate> batch(byte[] body, Partners partners, String partner) {
        JsonNode array;
        try {
            array = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        if (array == null || !array.isArray()) {
            return null;
        }
        List<Candidate> candidates = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            byte[] event = Json.MAPPER.writeValueAsBytes(element);
            Supplier<String> raw = () -> element.toString();
            candidates.add(ofPartner(
                    CloudEventMapping.read(() -> CloudEventMapping.FORMAT.deserialize(event), raw), partners, partner));
        }
        return candidates;
    }

    static boolean sizeAllowed(List<Candidate> candidates) {
        return !candidates.isEmpty() && candidates.size() <= InputLimits.EVENTS_PER_REQUEST;
    }

    private static Candidate ofPartner(CloudEventMapping.Read read, Partners partners, String partner) {
        if (read.event() == null) {
            return read.candidate();
        }
        String source = read.event().getSource().toString();
        Optional<String> owner = partners.partnerOfSource(source);
        if (owner.isEmpty()) {
            return Candidate.refused(
                    "CloudEvent '" + read.event().getId() + "': source '" + source + "' is not a configured partner's",
                    read.candidate().raw());
        }
        if (!owner.get().equals(partner)) {
            throw new ForeignSourceException("CloudEvent '" + read.event().getId() + "' has source '" + source
                    + "' of another partner; a partner key sends only its own partner's events");
        }
        return read.candidate();
    }

    /** An event of another partner than the caller's. */
    static final class ForeignSourceException extends RuntimeException {
        ForeignSourceException(String message) {
            super(message);
        }
    }
}
