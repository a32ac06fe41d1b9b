package com.zywa.cardstatus.support.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A phone's keyed hash (HMAC-SHA256 of its E.164 form, hex): the same phone always gives the same hash under one key,
 * and without the key a hash cannot be turned back into a phone by trying the few billion numbers there are. It finds
 * a phone's data key ({@link PhoneKeys}) and its lookups in the audit.
 */
public final class PhoneHasher {

    static final int MIN_KEY_LENGTH = 32;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    /**
     * One keyed Mac per thread: looking the algorithm up and keying a new Mac cost more than hashing a phone, once
     * per lookup and per phone sealed.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** A hasher under {@code configured}, at least {@value #MIN_KEY_LENGTH} characters. */
    public PhoneHasher(String configured) {
        if (configured == null || configured.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("cardstatus.personal-data.phone-hash-key must be set, at least "
                    + MIN_KEY_LENGTH + " characters (e.g. openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(configured.strip().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The hash of {@code e164}, a phone in E.164 form. */
    public String of(String e164) {
        // doFinal resets the Mac for the next phone, keyed as it was
        return HexFormat.of().formatHex(macs.get().doFinal(e164.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
