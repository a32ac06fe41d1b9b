package com.zywa.cardstatus.support.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * The key-encryption key (KEK): a Tink AEAD keyset from configuration that wraps every data key before it is stored
 * and unwraps it when read. Its primary key wraps; every key in the keyset unwraps, so a KEK is rotated by adding a
 * new primary key, re-wrapping the stored data keys ({@link PhoneKeys#rewrap}) and then removing the old key.
 */
public final class KeyEncryptionKey {

    static {
        try {
            AeadConfig.register();
            DeterministicAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;
    private final int primaryId;
    private final int keys;

    private KeyEncryptionKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.primaryId = keyset.getPrimary().getId();
        this.keys = keyset.size();
    }

    /**
     * Whether the keyset holds more than its primary key: a rotation under way, whose data keys may still be wrapped
     * under an older key. With one key, every data key it can unwrap is wrapped under it.
     */
    boolean rotating() {
        return keys > 1;
    }

    /** The KEK of a Tink keyset in its JSON form (cleartext: it comes from a Secret). */
    public static KeyEncryptionKey fromJson(String keysetJson) {
        if (keysetJson == null || keysetJson.isBlank()) {
            throw new IllegalStateException("cardstatus.personal-data.kek must be set: a Tink AEAD keyset in JSON "
                    + "(docs/personal-data.md says how to make one)");
        }
        try {
            return new KeyEncryptionKey(
                    TinkJsonProtoKeysetFormat.parseKeyset(keysetJson.strip(), InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            // never the keyset's text: it is the secret
            throw new IllegalStateException("cardstatus.personal-data.kek is not a Tink AEAD keyset in JSON", e);
        }
    }

    /** A new KEK keyset (one AES256_GCM key) in its JSON form, for a local run or a test. */
    public static String generateJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code keysetJson} with a new AES256_GCM key added and made primary (a rotation's first step). */
    public static String rotateJson(String keysetJson) {
        try {
            KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary());
            return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A data keyset wrapped for storage; the key's ID is bound to it, so a wrapped key cannot be moved to another. */
    byte[] wrap(KeysetHandle dataKey, UUID keyId) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, aead, bytes(keyId));
    }

    /** The data keyset of {@code wrapped}, stored under {@code keyId}. */
    KeysetHandle unwrap(byte[] wrapped, UUID keyId) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, bytes(keyId));
    }

    /**
     * Whether {@code wrapped} is wrapped under this KEK's primary key (Tink's output prefix: a version byte, then the
     * key's ID, before the ciphertext of the encrypted keyset, which is a protobuf holding the AEAD output).
     */
    boolean wrappedUnderPrimary(byte[] wrapped) {
        // the encrypted keyset's field 2 is the AEAD output, prefixed by its length; find the prefix in it
        byte[] prefix = ByteBuffer.allocate(5).put((byte) 1).putInt(primaryId).array();
        outer:
        for (int i = 0; i + prefix.length <= Math.min(wrapped.length, 16); i++) {
            for (int j = 0; j < prefix.length; j++) {
                if (wrapped[i + j] != prefix[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] bytes(UUID keyId) {
        return keyId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
