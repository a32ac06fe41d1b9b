package com.zywa.cardstatus.formats.events;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.Json;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The thin mapping from a CloudEvent 1.0 (contract §3) to a partner event: {@code id} is the partner's event ID,
 * {@code type} one of {@code com.zywa.card.*}, {@code time} when it happened, {@code subject} the card ID and
 * {@code data} a JSON object with {@code phone}, {@code comment} and {@code reason} (the partner's reason code,
 * contract §10). Reading the envelope (binary or structured
 * mode, Kafka or HTTP) is the CloudEvents Java SDK's: the caller's protocol binding ({@code cloudevents-kafka},
 * {@code -http-basic}) gives the reader, {@code -json-jackson} is the structured JSON format. That one is built on
 * Jackson 2 ({@code com.fasterxml}, at the version Spring Boot manages) and lives beside our Jackson 3
 * ({@code tools.jackson}) without touching it: we only read {@code data} with our own mapper. The SDK's Spring
 * module ({@code cloudevents-spring}) is not used: it is not made for Spring 7, and the bindings are all we need.
 * Everything else, the fields' validation included, is what {@code POST /events} does with its own JSON.
 */
public final class CloudEventMapping {

    /** The structured JSON format ({@code application/cloudevents+json}). */
    public static final EventFormat FORMAT = new JsonFormat();

    /** CloudEvents {@code type} of each event type, and back. */
    private static final Map<String, EventType> TYPES = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(CloudEventMapping::type, type -> type));

    private CloudEventMapping() {}

    private static String type(EventType type) {
        return "com.zywa.card." + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads the envelope of a message; a message that is no CloudEvent (or lacks a required attribute) is refused. */
    public static Read read(Supplier<CloudEvent> reader, Supplier<String> raw) {
        CloudEvent event;
        try {
            event = reader.get();
        } catch (RuntimeException e) {
            return new Read(null, Candidate.refused("not a CloudEvent 1.0: " + e.getMessage(), raw));
        }
        return new Read(event, map(event, () -> structured(event, raw)));
    }

    /** The event in the JSON format, as kept with a rejection (falls back to the message as received). */
    private static String structured(CloudEvent event, Supplier<String> raw) {
        try {
            return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return raw.get();
        }
    }

    private static Candidate map(CloudEvent event, Supplier<String> raw) {
        EventType type = TYPES.get(event.getType());
        if (type == null) {
            return Candidate.refused(
                    "CloudEvent '" + event.getId() + "': type '" + event.getType() + "' is not one of "
                            + TYPES.keySet().stream().sorted().toList(),
                    raw);
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return Candidate.refused(
                    "CloudEvent '" + event.getId() + "': datacontenttype '" + contentType
                            + "' is not JSON; data is a JSON object {\"phone\", \"comment\", \"reason\"}",
                    raw);
        }
        JsonNode data;
        try {
            data = data(event.getData());
        } catch (JacksonException e) {
            return Candidate.refused(
                    "CloudEvent '" + event.getId() + "': data is not JSON: " + e.getOriginalMessage(), raw);
        }
        if (data != null && !data.isObject()) {
            return Candidate.refused(
                    "CloudEvent '" + event.getId()
                            + "': data is not a JSON object {\"phone\", \"comment\", \"reason\"}",
                    raw);
        }
        String time = event.getTime() == null ? null : event.getTime().toString();
        return Candidate.event(
                new PartnerEvent(
                        type.name(),
                        event.getSubject(),
                        text(data, "phone"),
                        time,
                        text(data, "comment"),
                        text(data, "reason"),
                        event.getId()),
                raw);
    }

    private static @Nullable JsonNode data(@Nullable CloudEventData data) {
        byte[] bytes = data == null ? null : data.toBytes();
        return bytes == null || bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
    }

    private static @Nullable String text(@Nullable JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
    }

    /** A message read: the CloudEvent (null when it was none) and what it becomes. */
    public record Read(@Nullable CloudEvent event, Candidate candidate) {}
}
