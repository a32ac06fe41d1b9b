package com.zywa.cardstatus.support.personaldata;

import java.util.UUID;

/**
 * One phone's data key as stored in {@code ingest.phone_key}: its ID (what sealed values name), the phone's keyed
 * hash, and the key itself wrapped under the KEK.
 */
public record StoredKey(UUID keyId, String phoneHash, byte[] wrapped) {}
