package com.zywa.cardstatus.formats;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.contract.PhoneNormalizer;
import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * The partner the tests read files as (here, in the bench's and in the system tests): the default one, in Dubai,
 * writing the day first, with UAE phones and timestamps at most a day ahead; and its files as the upload service
 * would describe them.
 */
public final class TestPartner {

    private TestPartner() {}

    public static PartnerProfile profile() {
        return new PartnerProfile(
                "default",
                new TimestampParser(ZoneId.of("Asia/Dubai"), DateOrder.DAY_FIRST),
                new PhoneNormalizer("AE"),
                Map.of(),
                Duration.ofDays(1));
    }

    /** A file of this partner, its ID and its kind from its name. */
    public static Upload upload(String fileName) {
        return upload(fileName, FileKinds.resolve(null, fileName));
    }

    /** A file of this partner holding events of {@code kind}, its ID from its name; no source or sender. */
    public static Upload upload(String fileName, EventType kind) {
        return new Upload(
                UUID.nameUUIDFromBytes(fileName.getBytes(StandardCharsets.UTF_8)),
                "default",
                fileName,
                kind,
                null,
                null,
                null);
    }
}
