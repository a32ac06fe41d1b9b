package com.zywa.cardstatus.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A phone's keyed hash (HMAC-SHA256 of its E.164 form, hex): the same phone always gives the same hash under one key,
 * and without the key a hash cannot be turned back into a phone by trying the few billion numbers there are.
 */
public final class PhoneHashes {

    private static final Logger log = LoggerFactory.getLogger(PhoneHashes.class);
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;

    PhoneHashes(LookupAuditSettings settings) {
        this(settings.phoneHashKey());
    }

    PhoneHashes(String configured) {
        if (configured == null || configured.isBlank()) {
            log.warn("cardstatus.api.lookup-audit.phone-hash-key is not set: this start hashes phones under a key of "
                    + "its own, so the lookup audit finds phones only among this instance's entries since it started");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = new SecretKeySpec(random, HMAC);
        } else if (configured.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("cardstatus.api.lookup-audit.phone-hash-key must be at least "
                    + MIN_KEY_LENGTH + " characters (e.g. openssl rand -base64 32)");
        } else {
            this.key = new SecretKeySpec(configured.strip().getBytes(StandardCharsets.UTF_8), HMAC);
        }
    }

    /** The hash of {@code e164}, a phone in E.164 form. */
    public String of(String e164) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
