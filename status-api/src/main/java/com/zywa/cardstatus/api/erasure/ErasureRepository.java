package com.zywa.cardstatus.api.erasure;

import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.contract.Topics;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasures in PostgreSQL, each in one transaction made read-write first (status-api's pool and role are read-only;
 * the role may delete from {@code ingest.phone_key}, update {@code lookup_audit.phone_hash} and insert receipts): the
 * keys are found, the cards whose current phone they seal listed, the keys deleted, the phones' hashes forgotten in
 * the lookup audit, and the receipt written.
 */
@Component
class ErasureRepository {

    /**
     * Where values sealed under a phone's key are kept (contract §12): the event topics, {@code card.status} and the
     * fold's changelog, the dead-letter topics, {@code card.rejects}, the projection and its history, ingest's row
     * issues and the notifier's deliveries.
     */
    static final List<String> STORES = stores();

    private static final String COLUMNS = "id, at, caller, erased_by, card_id, cards, keys_erased, stores";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PhoneVault vault;
    private final Clock clock;

    @Autowired
    ErasureRepository(JdbcClient jdbc, TransactionTemplate transactions, @Lazy PhoneVault vault) {
        this(jdbc, transactions, vault, Clock.systemUTC());
    }

    ErasureRepository(JdbcClient jdbc, TransactionTemplate transactions, PhoneVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.vault = vault;
        this.clock = clock;
    }

    /** Erases the key of the phone whose keyed hash is {@code phoneHash} (if it has one); answers the receipt. */
    ErasureReceipt erasePhone(String caller, String phoneHash) {
        return inTransaction(() -> erase(caller, ErasureReceipt.BY_PHONE, null, Set.of(), Set.of(phoneHash)));
    }

    /**
     * Erases every key of the card {@code cardId}'s phones: its current phone's and every one its history names;
     * empty when there is no such card.
     */
    Optional<ErasureReceipt> eraseCard(String caller, String cardId) {
        return inTransaction(() -> {
            Optional<String[]> card = jdbc.sql(
                            "SELECT phone, CAST(phone_key_id AS TEXT), history::text FROM card_status WHERE card_id = ?")
                    .param(cardId)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .optional();
            if (card.isEmpty()) {
                return Optional.empty();
            }
            String phone = card.get()[0];
            Set<UUID> keys = new LinkedHashSet<>();
            Set<String> hashes = new LinkedHashSet<>();
            if (card.get()[1] != null) {
                keys.add(UUID.fromString(card.get()[1]));
            }
            keys.addAll(SealedPhones.keyIdsIn(phone));
            keys.addAll(SealedPhones.keyIdsIn(card.get()[2]));
            if (phone != null && SealedPhones.keyId(phone) == null) {
                // a phone in clear, written before phones were sealed: its key is found by its hash
                hashes.add(vault.hash(phone));
            }
            return Optional.of(erase(caller, ErasureReceipt.BY_CARD, cardId, keys, hashes));
        });
    }

    /** One receipt, or empty. */
    Optional<ErasureReceipt> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_receipt WHERE id = ?")
                .param(id)
                .query(ErasureRepository::receipt)
                .optional();
    }

    /** The latest {@code limit} receipts, newest first. */
    List<ErasureReceipt> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_receipt ORDER BY at DESC, id LIMIT ?")
                .param(limit)
                .query(ErasureRepository::receipt)
                .list();
    }

    private ErasureReceipt erase(
            String caller, String by, @Nullable String cardId, Set<UUID> keyIds, Set<String> phoneHashes) {
        String[] ids = keyIds.stream().map(UUID::toString).toArray(String[]::new);
        String[] hashes = phoneHashes.toArray(String[]::new);
        // the keys asked for, by ID or by the phone's hash, deleted; their phones' hashes come back
        List<String[]> erased = jdbc.sql("DELETE FROM ingest.phone_key WHERE key_id = ANY(CAST(? AS UUID[]))"
                        + " OR phone_hash = ANY(CAST(? AS TEXT[]))"
                        + " RETURNING CAST(key_id AS TEXT), phone_hash")
                .params(ids, hashes)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        Set<String> forgotten = new LinkedHashSet<>(phoneHashes);
        List<String> erasedIds = new ArrayList<>();
        for (String[] key : erased) {
            erasedIds.add(key[0]);
            forgotten.add(key[1]);
        }
        List<String> cards = erasedIds.isEmpty()
                ? List.of()
                : jdbc.sql("SELECT card_id FROM card_status WHERE phone_key_id = ANY(CAST(? AS UUID[]))"
                                + " ORDER BY card_id")
                        .param(erasedIds.toArray(String[]::new))
                        .query(String.class)
                        .list();
        if (!forgotten.isEmpty()) {
            jdbc.sql("UPDATE lookup_audit SET phone_hash = NULL WHERE phone_hash = ANY(CAST(? AS TEXT[]))")
                    .param(forgotten.toArray(String[]::new))
                    .update();
        }
        ErasureReceipt receipt = new ErasureReceipt(
                UUID.randomUUID(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                caller,
                by,
                cardId,
                cards,
                erasedIds.size(),
                STORES);
        jdbc.sql("INSERT INTO erasure_receipt (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT[]), ?, CAST(? AS TEXT[]))")
                .params(
                        receipt.id(),
                        Timestamp.from(receipt.at()),
                        receipt.caller(),
                        receipt.by(),
                        receipt.cardId(),
                        receipt.cards().toArray(String[]::new),
                        receipt.keysErased(),
                        receipt.stores().toArray(String[]::new))
                .update();
        return receipt;
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql("SET TRANSACTION READ WRITE").update();
            return work.get();
        });
    }

    private static ErasureReceipt receipt(ResultSet rs, int rowNum) throws SQLException {
        return new ErasureReceipt(
                rs.getObject(1, UUID.class),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                texts(rs.getArray(6)),
                rs.getInt(7),
                texts(rs.getArray(8)));
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<String> stores() {
        List<String> stores = new ArrayList<>();
        Topics.eventTopics().forEach(topic -> stores.add("kafka:" + topic));
        stores.addAll(Arrays.asList(
                "kafka:" + Topics.STATUS,
                "kafka:card-status-processor-card-state-changelog",
                "kafka:" + Topics.EVENTS_DLT,
                "kafka:" + Topics.STATUS_DLT,
                "kafka:" + Topics.REJECTS,
                "postgresql:card_status",
                "postgresql:card_status.history",
                "postgresql:ingest.row_issue",
                "postgresql:notifier.delivery"));
        return List.copyOf(stores);
    }
}
