package com.zywa.cardstatus.ingest.events;

import com.zywa.cardstatus.contract.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The inbound topics ingest reads (contract §11.3): each configured partner's own {@code partner.events.<name>},
 * whose records are that partner's because the broker let only it write there, and the shared
 * {@code partner.events}, whose records name their partner by their own {@code source} (unless turned off).
 */
public final class PartnerTopics {

    /** What Kafka allows in a topic name, and its longest. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    private static final int MAX_LENGTH = 249;

    private final Map<String, String> partnerByTopic = new LinkedHashMap<>();
    private final boolean shared;

    PartnerTopics(Set<String> partners, boolean shared) {
        this.shared = shared;
        for (String partner : new TreeSet<>(partners)) {
            String topic = Topics.partnerEvents(partner);
            if (!LEGAL.matcher(partner).matches() || topic.length() > MAX_LENGTH) {
                throw new IllegalStateException("partner '" + partner + "' cannot have its own Kafka topic '" + topic
                        + "' (contract §11.3): name partners with letters, digits, '.', '_' and '-' only");
            }
            partnerByTopic.put(topic, partner);
        }
    }

    /** Every topic to read: the partners' own, then the shared one if read. */
    public String[] names() {
        List<String> names = new ArrayList<>(partnerByTopic.keySet());
        if (shared) {
            names.add(Topics.PARTNER_EVENTS);
        }
        return names.toArray(String[]::new);
    }

    /** The partners' own topics, for creating them. */
    Map<String, String> partnerByTopic() {
        return Map.copyOf(partnerByTopic);
    }

    /** The partner whose own topic {@code topic} is; empty for the shared topic, whose records name their partner. */
    Optional<String> partnerOf(String topic) {
        return Optional.ofNullable(partnerByTopic.get(topic));
    }
}
