package com.zywa.cardstatus.support.personaldata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The phones' data keys in PostgreSQL ({@code ingest.phone_key}, ingest's Flyway V5): one per phone, found by the
 * phone's keyed hash or by its ID. Deleting a key (erasure) makes every value sealed under it unreadable, wherever it
 * was copied. Reads and writes go straight to the database each time (no cache of which keys exist), so a key erased
 * by one service is gone for all at once.
 */
public class PhoneKeys {

    static final String TABLE = "ingest.phone_key";

    private final JdbcTemplate jdbc;

    public PhoneKeys(DataSource dataSource) {
        this(new JdbcTemplate(dataSource));
    }

    PhoneKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored keys of these phone hashes, by hash; a hash without a key is absent. */
    public Map<String, StoredKey> byHashes(Collection<String> hashes) {
        Map<String, StoredKey> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        jdbc.query(
                connection -> select(connection, "phone_hash = ANY(?)", "text", hashes.toArray()), (ResultSet rs) -> {
                    StoredKey key = key(rs);
                    found.put(key.phoneHash(), key);
                });
        return found;
    }

    /** The stored keys of these IDs, by ID; an erased (or never made) key is absent. */
    public Map<UUID, StoredKey> byIds(Collection<UUID> ids) {
        Map<UUID, StoredKey> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(connection -> select(connection, "key_id = ANY(?)", "uuid", ids.toArray()), (ResultSet rs) -> {
            StoredKey key = key(rs);
            found.put(key.keyId(), key);
        });
        return found;
    }

    /** Stores these keys, each unless its phone has one already (another instance made it first). */
    void insertIfAbsent(List<StoredKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.execute((Connection connection) -> {
            boolean readOnly = connection.isReadOnly();
            if (readOnly) {
                connection.setReadOnly(false);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (key_id, phone_hash, wrapped) VALUES (?, ?, ?) ON CONFLICT (phone_hash) DO NOTHING")) {
                for (StoredKey key : keys) {
                    insert.setObject(1, key.keyId());
                    insert.setString(2, key.phoneHash());
                    insert.setBytes(3, key.wrapped());
                    insert.addBatch();
                }
                insert.executeBatch();
            } finally {
                if (readOnly) {
                    connection.setReadOnly(true);
                }
            }
            return null;
        });
    }

    /**
     * Re-wraps, in one pass over the store in pages of {@code pageSize} keys (by key ID), every stored key that the
     * KEK's primary key did not wrap (after a rotation added a new primary); answers how many it re-wrapped, 0 once
     * every key is under the primary. Each page's changes are one batch of updates, each guarded by the wrapped value
     * it read, so a key erased or re-wrapped meanwhile is left as it is.
     */
    public int rewrap(KeyEncryptionKey kek, int pageSize) {
        if (!kek.rotating()) {
            // one key in the KEK: nothing it can unwrap is wrapped under another, so no pass over the store (at ten
            // million phones, a read of every wrapped key each interval by every processor)
            return 0;
        }
        int done = 0;
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        while (true) {
            List<StoredKey> page = new ArrayList<>();
            Object[] args = first ? new Object[] {pageSize} : new Object[] {after, pageSize};
            jdbc.query(
                    "SELECT key_id, phone_hash, wrapped FROM " + TABLE + (first ? "" : " WHERE key_id > ?")
                            + " ORDER BY key_id LIMIT ?",
                    (ResultSet rs) -> {
                        page.add(key(rs));
                    },
                    args);
            if (page.isEmpty()) {
                return done;
            }
            first = false;
            after = page.get(page.size() - 1).keyId();
            List<Object[]> updates = new ArrayList<>();
            for (StoredKey key : page) {
                if (kek.wrappedUnderPrimary(key.wrapped())) {
                    continue;
                }
                try {
                    byte[] rewrapped = kek.wrap(kek.unwrap(key.wrapped(), key.keyId()), key.keyId());
                    updates.add(new Object[] {rewrapped, key.keyId(), key.wrapped()});
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException("data key " + key.keyId() + " cannot be unwrapped by the KEK", e);
                }
            }
            if (!updates.isEmpty()) {
                for (int count : jdbc.batchUpdate(
                        "UPDATE " + TABLE + " SET wrapped = ? WHERE key_id = ? AND wrapped = ?", updates)) {
                    done += Math.max(count, 0);
                }
            }
            if (page.size() < pageSize) {
                return done;
            }
        }
    }

    private static PreparedStatement select(Connection connection, String where, String type, Object[] values)
            throws SQLException {
        PreparedStatement select =
                connection.prepareStatement("SELECT key_id, phone_hash, wrapped FROM " + TABLE + " WHERE " + where);
        Array array = connection.createArrayOf(type, values);
        select.setArray(1, array);
        return select;
    }

    private static StoredKey key(ResultSet rs) throws SQLException {
        return new StoredKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3));
    }
}
