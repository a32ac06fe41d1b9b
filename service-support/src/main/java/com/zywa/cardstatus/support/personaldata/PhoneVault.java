package com.zywa.cardstatus.support.personaldata;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.zywa.cardstatus.contract.SealedPhones;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Seals phones (and texts that hold one) under each phone's own data key, and opens them again while the key exists
 * (contract §12; crypto-shredding: erasing a phone deletes its key). A data key is a Tink deterministic AEAD keyset
 * (AES256-SIV): one phone, one key, so sealing the same phone twice gives the same value, and equal values are the
 * same phone, as before. Keys are made on first use and stored wrapped under the {@link KeyEncryptionKey}.
 *
 * <p>Every call asks the key store which keys exist; only the unwrapped keys themselves are kept in memory, by key ID
 * (a key's ID never names another key), so an erased key opens nothing once its row is gone.
 */
public class PhoneVault {

    private static final byte[] PHONE = "phone".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT = "text".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_CACHED = 20_000;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyEncryptionKey kek;
    private final PhoneHasher hasher;
    private final PhoneKeys keys;
    /**
     * Unwrapped keys by key ID, at most {@value #MAX_CACHED} (then emptied and filled again from the key store): a
     * concurrent map, as every lookup's thread reads it (an access-ordered map behind one lock made the API's
     * request threads queue on it).
     */
    private final Map<UUID, DeterministicAead> unwrapped = new ConcurrentHashMap<>();

    public PhoneVault(KeyEncryptionKey kek, PhoneHasher hasher, PhoneKeys keys) {
        this.kek = kek;
        this.hasher = hasher;
        this.keys = keys;
    }

    /** The keyed hash of a phone in E.164 (what finds its key and its lookups in the audit). */
    public String hash(String e164) {
        return hasher.of(e164);
    }

    /** The stored key of a phone in E.164, or null when it has none (never seen, or erased). */
    public @Nullable StoredKey keyOf(String e164) {
        String hash = hasher.of(e164);
        return keys.byHashes(List.of(hash)).get(hash);
    }

    /** These phones (E.164) sealed, by phone; each phone's key is made if it has none yet. */
    public Map<String, String> seal(Collection<String> phones) {
        Map<String, StoredKey> byPhone = keysOf(phones);
        Map<String, String> sealed = new HashMap<>();
        for (Map.Entry<String, StoredKey> entry : byPhone.entrySet()) {
            sealed.put(entry.getKey(), seal(entry.getValue(), entry.getKey(), PHONE, true));
        }
        return sealed;
    }

    /** One phone (E.164) sealed. */
    public String seal(String phone) {
        return seal(List.of(phone)).get(phone);
    }

    /** {@code text} (e.g. a rejected row as received) sealed under the key of {@code phone} (E.164), which holds it. */
    public String sealText(String phone, String text) {
        StoredKey key = keysOf(List.of(phone)).get(phone);
        return seal(key, text, TEXT, false);
    }

    /** A text to seal under the key of {@code phone} (E.164), which it holds, e.g. a rejected row as received. */
    public record PhoneText(String phone, String text) {}

    /** Phones sealed, by phone, and texts sealed, in the order given. */
    public record Sealed(Map<String, String> phones, List<String> texts) {}

    /**
     * These phones (E.164) and texts sealed with one look-up of their keys (plus one insert for phones without a key
     * yet): what a batch of records, some of them rejected, needs in one call to the key store.
     */
    public Sealed seal(Collection<String> phones, List<PhoneText> texts) {
        Set<String> all = new HashSet<>(phones);
        texts.forEach(text -> all.add(text.phone()));
        Map<String, StoredKey> byPhone = keysOf(all);
        Map<String, String> sealed = new HashMap<>();
        for (String phone : phones) {
            sealed.put(phone, seal(byPhone.get(phone), phone, PHONE, true));
        }
        List<String> sealedTexts = new ArrayList<>(texts.size());
        for (PhoneText text : texts) {
            sealedTexts.add(seal(byPhone.get(text.phone()), text.text(), TEXT, false));
        }
        return new Sealed(sealed, sealedTexts);
    }

    /**
     * These sealed phones opened, by sealed value; one whose key is erased is absent. A value that is not sealed (an
     * E.164 phone written before phones were sealed) is answered as it is.
     */
    public Map<String, String> open(Collection<String> values) {
        Map<String, String> opened = new HashMap<>();
        Set<UUID> ids = new HashSet<>();
        for (String value : values) {
            UUID id = SealedPhones.keyId(value);
            if (id == null) {
                opened.put(value, value);
            } else {
                ids.add(id);
            }
        }
        Map<UUID, StoredKey> found = keys.byIds(ids);
        for (String value : values) {
            StoredKey key = found.get(SealedPhones.keyId(value));
            if (key != null) {
                String clear = open(value, key);
                if (clear != null) {
                    opened.put(value, clear);
                }
            }
        }
        return opened;
    }

    /** One sealed phone or text opened, or null when its key is erased (an unsealed value answers as it is). */
    public @Nullable String open(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return open(List.of(value)).get(value);
    }

    /**
     * A stored value opened with the key read in the same query (its {@code phone_key} row joined, null when there is
     * none): null for no value, an erased key or another key's value; a value that is not sealed (written before
     * phones were sealed) as it is. No call to the key store: the query that read the value read its key.
     */
    public @Nullable String openWithKey(@Nullable String value, @Nullable StoredKey key) {
        if (value == null || SealedPhones.keyId(value) == null) {
            return value;
        }
        return key == null ? null : open(value, key);
    }

    /**
     * A sealed phone or text opened with its stored key (read with the sealed value, e.g. joined in one query), or
     * null when it cannot be (another key, or not sealed at all).
     */
    public @Nullable String open(String value, StoredKey key) {
        UUID id = SealedPhones.keyId(value);
        if (id == null || !id.equals(key.keyId())) {
            return null;
        }
        byte[] associated = SealedPhones.isSealedPhone(value) ? PHONE : TEXT;
        try {
            byte[] clear =
                    primitive(key).decryptDeterministically(DECODER.decode(SealedPhones.ciphertext(value)), associated);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private String seal(StoredKey key, String clear, byte[] associated, boolean phone) {
        try {
            String ciphertext = ENCODER.encodeToString(
                    primitive(key).encryptDeterministically(clear.getBytes(StandardCharsets.UTF_8), associated));
            return phone ? SealedPhones.phone(key.keyId(), ciphertext) : SealedPhones.text(key.keyId(), ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a phone could not be sealed under its key " + key.keyId(), e);
        }
    }

    private Map<String, StoredKey> keysOf(Collection<String> phones) {
        Map<String, String> hashes = new HashMap<>();
        for (String phone : phones) {
            hashes.put(phone, hasher.of(phone));
        }
        Map<String, StoredKey> byHash = keys.byHashes(hashes.values());
        List<StoredKey> made = new ArrayList<>();
        Map<UUID, KeysetHandle> madeKeysets = new HashMap<>();
        for (String hash : new HashSet<>(hashes.values())) {
            if (!byHash.containsKey(hash)) {
                made.add(newKey(hash, madeKeysets));
            }
        }
        if (!made.isEmpty()) {
            keys.insertIfAbsent(made);
            // another instance may have made some of them first: read back whichever was stored
            Map<String, StoredKey> stored =
                    keys.byHashes(made.stream().map(StoredKey::phoneHash).toList());
            byHash.putAll(stored);
            // the keys this call made and stored are in hand: no need to unwrap them again to use them
            for (StoredKey key : stored.values()) {
                KeysetHandle keyset = madeKeysets.get(key.keyId());
                if (keyset != null) {
                    try {
                        cache(key.keyId(), keyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class));
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("a data key could not be used", e);
                    }
                }
            }
        }
        Map<String, StoredKey> byPhone = new HashMap<>();
        hashes.forEach((phone, hash) -> byPhone.put(phone, byHash.get(hash)));
        return byPhone;
    }

    private StoredKey newKey(String hash, Map<UUID, KeysetHandle> made) {
        try {
            UUID id = UUID.randomUUID();
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
            made.put(id, keyset);
            return new StoredKey(id, hash, kek.wrap(keyset, id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key could not be made", e);
        }
    }

    private DeterministicAead primitive(StoredKey key) throws GeneralSecurityException {
        DeterministicAead cached = unwrapped.get(key.keyId());
        if (cached == null) {
            cached = kek.unwrap(key.wrapped(), key.keyId())
                    .getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
            cache(key.keyId(), cached);
        }
        return cached;
    }

    private void cache(UUID keyId, DeterministicAead key) {
        if (unwrapped.size() >= MAX_CACHED) {
            unwrapped.clear();
        }
        unwrapped.put(keyId, key);
    }
}
