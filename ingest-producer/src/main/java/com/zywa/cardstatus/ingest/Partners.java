package com.zywa.cardstatus.ingest;

import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.formats.PartnerProfile;
import com.zywa.cardstatus.formats.TimestampParser;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The configured partners' profiles, built once at start-up (a bad zone or region fails the start, not an upload). */
@Component
public class Partners {

    private final Map<String, PartnerProfile> profiles = new HashMap<>();
    private final Map<String, String> bySource = new HashMap<>();
    private final String defaultPartner;

    Partners(IngestSettings settings) {
        this.defaultPartner = settings.defaultPartner();
        IngestSettings.Partner none = new IngestSettings.Partner(null, null, null, null, null, null);
        Map<String, IngestSettings.Partner> all = new HashMap<>(settings.partners());
        all.putIfAbsent(defaultPartner, none);
        all.forEach((name, partner) -> {
            profiles.put(name, profile(name, partner, settings));
            String source = Optional.ofNullable(partner.source())
                    .filter(s -> !s.isBlank())
                    .orElse("/partners/" + name);
            String other = bySource.put(source.strip(), name);
            if (other != null) {
                throw new IllegalStateException(
                        "partners '" + other + "' and '" + name + "' have the same CloudEvents " + "source '" + source
                                + "'; give each partner its own (cardstatus.ingest.partners.<name>.source)");
            }
        });
    }

    /** The partner whose CloudEvents carry {@code source} ({@code /partners/<name>} unless configured), if any. */
    public Optional<String> partnerOfSource(String source) {
        return source == null ? Optional.empty() : Optional.ofNullable(bySource.get(source));
    }

    private static PartnerProfile profile(String name, IngestSettings.Partner partner, IngestSettings defaults) {
        return new PartnerProfile(
                name,
                new TimestampParser(
                        Optional.ofNullable(partner.zone()).orElse(defaults.partnerZone()),
                        Optional.ofNullable(partner.dateOrder()).orElse(defaults.dateOrder())),
                new PhoneNormalizer(Optional.ofNullable(partner.phoneRegion()).orElse(defaults.phoneRegion())),
                Optional.ofNullable(partner.headerSynonyms()).orElse(Map.of()),
                Optional.ofNullable(partner.maxFutureSkew()).orElse(defaults.maxFutureSkew()));
    }

    /** The profile of {@code name} (blank means the default partner). */
    public PartnerProfile profile(String name) {
        String key = name == null || name.isBlank() ? defaultPartner : name.strip();
        PartnerProfile profile = profiles.get(key);
        if (profile == null) {
            throw new UnknownPartnerException(
                    "partner '" + key + "' is not configured; known partners: " + new TreeSet<>(profiles.keySet()));
        }
        return profile;
    }

    /** The configured partners' names, the default one included. */
    public Set<String> names() {
        return Set.copyOf(profiles.keySet());
    }

    /** Whether {@code name} is a configured partner (the default one included). */
    public boolean isConfigured(String name) {
        return name != null && profiles.containsKey(name);
    }

    /** A partner name no configuration describes. */
    public static class UnknownPartnerException extends RuntimeException {
        UnknownPartnerException(String message) {
            super(message);
        }
    }
}
