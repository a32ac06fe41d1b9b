package com.zywa.cardstatus.formats;

import com.zywa.cardstatus.contract.PhoneNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How one courier partner writes its data: its timestamps (time zone and date order, read by a parser built once
 * with the profile), the region of its phones, and its own header spellings. A second courier with other habits is a
 * new profile, not new code.
 */
public record PartnerProfile(
        String name,
        TimestampParser timestamps,
        PhoneNormalizer phones,
        Map<Column, List<String>> headerSynonyms,
        Duration maxFutureSkew) {

    public PartnerProfile {
        headerSynonyms = Map.copyOf(headerSynonyms);
    }

    /** The profile with timestamps read in {@code override} instead of the partner's zone (an upload's choice). */
    public PartnerProfile inZone(@Nullable ZoneId override) {
        return override == null
                ? this
                : new PartnerProfile(name, timestamps.inZone(override), phones, headerSynonyms, maxFutureSkew);
    }

    /** Maps rows given field by field (CSV rows and partner JSON events alike). */
    public RowMapper rowMapper() {
        return new RowMapper(phones, timestamps, maxFutureSkew, Clock.systemUTC());
    }

    /** Reads whole files of this partner. */
    public PartnerFileReader fileReader() {
        return new PartnerFileReader(rowMapper(), headerSynonyms);
    }
}
