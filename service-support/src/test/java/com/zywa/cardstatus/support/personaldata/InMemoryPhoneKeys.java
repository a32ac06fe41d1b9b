package com.zywa.cardstatus.support.personaldata;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** The phones' key store as a map, for tests without a database (what {@code ingest.phone_key} would hold). */
public final class InMemoryPhoneKeys extends PhoneKeys {

    final Map<UUID, StoredKey> rows = new ConcurrentHashMap<>();

    public InMemoryPhoneKeys() {
        super(new JdbcTemplate());
    }

    /** A vault over a new in-memory store, under a new KEK. */
    public static PhoneVault vault() {
        return vault(new InMemoryPhoneKeys());
    }

    /** A vault over {@code keys}, under a new KEK. */
    public static PhoneVault vault(InMemoryPhoneKeys keys) {
        return new PhoneVault(
                KeyEncryptionKey.fromJson(KeyEncryptionKey.generateJson()),
                new PhoneHasher("in-memory-phone-keys-hash-key-000000000000"),
                keys);
    }

    @Override
    public Map<String, StoredKey> byHashes(Collection<String> hashes) {
        Map<String, StoredKey> found = new HashMap<>();
        rows.values().stream()
                .filter(key -> hashes.contains(key.phoneHash()))
                .forEach(key -> found.put(key.phoneHash(), key));
        return found;
    }

    @Override
    public Map<UUID, StoredKey> byIds(Collection<UUID> ids) {
        Map<UUID, StoredKey> found = new HashMap<>();
        ids.stream().filter(rows::containsKey).forEach(id -> found.put(id, rows.get(id)));
        return found;
    }

    @Override
    synchronized void insertIfAbsent(List<StoredKey> keys) {
        for (StoredKey key : keys) {
            if (byHashes(List.of(key.phoneHash())).isEmpty()) {
                rows.put(key.keyId(), key);
            }
        }
    }

    /**
     * The key a stored value is sealed under, as a query joining {@code phone_key} reads it with the value: null for
     * no value, a value not sealed, or an erased key.
     */
    public StoredKey of(String value) {
        UUID id = value == null ? null : com.zywa.cardstatus.contract.SealedPhones.keyId(value);
        return id == null ? null : rows.get(id);
    }

    /** Erases one key, as an erasure would. */
    public void erase(UUID keyId) {
        rows.remove(keyId);
    }

    /** How many keys are stored. */
    public int size() {
        return rows.size();
    }
}
