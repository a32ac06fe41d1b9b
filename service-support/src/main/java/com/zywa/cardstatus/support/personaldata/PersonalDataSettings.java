package com.zywa.cardstatus.support.personaldata;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that protect phones (contract §12, docs/personal-data.md); every service that reads or writes a phone
 * needs both, the same in all of them. Keep them in a Secret.
 *
 * @param kek the key-encryption key: a Tink keyset in its JSON form (AES256_GCM keys; the primary wraps new data keys,
 *     every key in it unwraps), e.g. made with {@code tinkey create-keyset --key-template AES256_GCM}; add a key and
 *     make it primary to rotate, the processor then re-wraps every data key under it
 * @param phoneHashKey the HMAC-SHA256 key (at least 32 characters) of the phones' keyed hashes, which find a phone's
 *     data key and the lookup audit's entries without keeping the phone
 */
@ConfigurationProperties("cardstatus.personal-data")
public record PersonalDataSettings(
        @Nullable String kek, @Nullable String phoneHashKey) {}
