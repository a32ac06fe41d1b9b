package com.zywa.cardstatus.support.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zywa.cardstatus.contract.SealedPhones;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PhoneVaultTests {

    private static final String HASH_KEY = "phone-vault-tests-hash-key-00000000000000";

    private final InMemoryPhoneKeys keys = new InMemoryPhoneKeys();
    private final String kekJson = KeyEncryptionKey.generateJson();
    private final PhoneVault vault =
            new PhoneVault(KeyEncryptionKey.fromJson(kekJson), new PhoneHasher(HASH_KEY), keys);

    @Test
    void sealsAPhoneSoItNeitherShowsNorChangesAndOpensItAgain() {
        String sealed = vault.seal("+971501234567");

        assertThat(SealedPhones.isSealedPhone(sealed)).isTrue();
        assertThat(sealed).doesNotContain("501234567").doesNotContain("971");
        assertThat(vault.seal("+971501234567"))
                .as("one phone, one sealed value")
                .isEqualTo(sealed);
        assertThat(vault.seal("+971501234568")).isNotEqualTo(sealed);
        assertThat(vault.open(sealed)).isEqualTo("+971501234567");
        assertThat(keys.rows).hasSize(2);
        assertThat(keys.rows.values())
                .allSatisfy(key -> assertThat(new String(key.wrapped(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("501234567"));
    }

    @Test
    void erasingAPhonesKeyLeavesEveryValueSealedUnderItUnreadableAndANewPhoneStillWorks() {
        String sealed = vault.seal("+971501234567");
        String row = vault.sealText("+971501234567", "ZYW1,0501234567,2026-01-01");
        String other = vault.seal("+971509999999");

        keys.erase(SealedPhones.keyId(sealed));

        assertThat(SealedPhones.keyId(row)).isEqualTo(SealedPhones.keyId(sealed));
        assertThat(vault.open(sealed)).isNull();
        assertThat(vault.open(row)).isNull();
        assertThat(vault.open(List.of(sealed, other))).containsOnlyKeys(other);
        assertThat(vault.open(other)).isEqualTo("+971509999999");
        String again = vault.seal("+971501234567");
        assertThat(SealedPhones.keyId(again)).as("a new key").isNotEqualTo(SealedPhones.keyId(sealed));
        assertThat(vault.open(again)).isEqualTo("+971501234567");
    }

    @Test
    void opensTextsAndPassesPhonesWrittenBeforeSealingAsTheyAre() {
        String row = vault.sealText("+971501234567", "ZYW1,0501234567");

        assertThat(SealedPhones.isSealedText(row)).isTrue();
        assertThat(vault.open(row)).isEqualTo("ZYW1,0501234567");
        assertThat(vault.open("+971501234567")).isEqualTo("+971501234567");
        assertThat(vault.open((String) null)).isNull();
    }

    @Test
    void sealsABatchOfPhonesAndTextsWithOneLookUpOfTheirKeys() {
        AtomicInteger lookUps = new AtomicInteger();
        PhoneKeys counted = new PhoneKeys(new org.springframework.jdbc.core.JdbcTemplate()) {
            @Override
            public Map<String, StoredKey> byHashes(Collection<String> hashes) {
                lookUps.incrementAndGet();
                return keys.byHashes(hashes);
            }

            @Override
            void insertIfAbsent(List<StoredKey> made) {
                keys.insertIfAbsent(made);
            }
        };
        PhoneVault batched = new PhoneVault(KeyEncryptionKey.fromJson(kekJson), new PhoneHasher(HASH_KEY), counted);
        String known = vault.seal("+971501234567");

        PhoneVault.Sealed sealed = batched.seal(
                List.of("+971501234567", "+971501234568"),
                List.of(
                        new PhoneVault.PhoneText("+971501234569", "ZYW3,0501234569"),
                        new PhoneVault.PhoneText("+971501234567", "ZYW1,0501234567")));

        assertThat(lookUps)
                .as("one look-up, and one read-back of the keys it made")
                .hasValue(2);
        assertThat(sealed.phones()).containsEntry("+971501234567", known).containsKey("+971501234568");
        assertThat(sealed.texts()).hasSize(2);
        assertThat(SealedPhones.keyId(sealed.texts().get(1))).isEqualTo(SealedPhones.keyId(known));
        assertThat(vault.open(sealed.texts())).containsValues("ZYW3,0501234569", "ZYW1,0501234567");
        assertThat(vault.open(sealed.phones().get("+971501234568"))).isEqualTo("+971501234568");
    }

    @Test
    void aRotatedKekOpensKeysWrappedBeforeAndRewrapsThemSoTheOldKeyCanGo() throws Exception {
        String sealed = vault.seal("+971501234567");
        StoredKey stored = keys.rows.get(SealedPhones.keyId(sealed));
        String rotated = KeyEncryptionKey.rotateJson(kekJson);
        KeyEncryptionKey newKek = KeyEncryptionKey.fromJson(rotated);

        assertThat(newKek.wrappedUnderPrimary(stored.wrapped())).isFalse();
        assertThat(KeyEncryptionKey.fromJson(kekJson).wrappedUnderPrimary(stored.wrapped()))
                .isTrue();
        byte[] rewrapped = newKek.wrap(newKek.unwrap(stored.wrapped(), stored.keyId()), stored.keyId());
        assertThat(newKek.wrappedUnderPrimary(rewrapped)).isTrue();
        keys.rows.put(stored.keyId(), new StoredKey(stored.keyId(), stored.phoneHash(), rewrapped));

        // only the new key left in the KEK: what was re-wrapped still opens
        String newOnly = withoutFirstKey(rotated);
        PhoneVault after = new PhoneVault(KeyEncryptionKey.fromJson(newOnly), new PhoneHasher(HASH_KEY), keys);
        assertThat(after.open(sealed)).isEqualTo("+971501234567");
        // and a key wrapped only under the old one does not
        assertThatThrownBy(() -> KeyEncryptionKey.fromJson(newOnly).unwrap(stored.wrapped(), stored.keyId()))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void aKekOfOneKeyHasNothingToRewrapAndDoesNotReadTheStore() {
        KeyEncryptionKey single = KeyEncryptionKey.fromJson(KeyEncryptionKey.generateJson());
        KeyEncryptionKey rotated =
                KeyEncryptionKey.fromJson(KeyEncryptionKey.rotateJson(KeyEncryptionKey.generateJson()));
        // a store with no database behind it: any read of it fails
        PhoneKeys noDatabase = new PhoneKeys(new org.springframework.jdbc.core.JdbcTemplate());

        assertThat(single.rotating()).isFalse();
        assertThat(noDatabase.rewrap(single, 1_000)).isZero();
        assertThat(rotated.rotating()).isTrue();
        assertThatThrownBy(() -> noDatabase.rewrap(rotated, 1_000)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aWrappedKeyIsBoundToItsId() throws Exception {
        String sealed = vault.seal("+971501234567");
        StoredKey stored = keys.rows.get(SealedPhones.keyId(sealed));
        KeyEncryptionKey kek = KeyEncryptionKey.fromJson(kekJson);

        assertThatThrownBy(() -> kek.unwrap(stored.wrapped(), UUID.randomUUID()))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void refusesMissingOrShortKeysWithoutEchoingThem() {
        assertThatThrownBy(() -> new PhoneHasher("short"))
                .hasMessageNotContaining("short\"")
                .hasMessageContaining("phone-hash-key");
        assertThatThrownBy(() -> KeyEncryptionKey.fromJson(null)).hasMessageContaining("kek");
        assertThatThrownBy(() -> KeyEncryptionKey.fromJson("{\"secret\": \"not-a-keyset\"}"))
                .hasMessageContaining("kek")
                .hasMessageNotContaining("not-a-keyset");
    }

    private static String withoutFirstKey(String keysetJson) throws Exception {
        var handle = com.google.crypto.tink.TinkJsonProtoKeysetFormat.parseKeyset(
                keysetJson, com.google.crypto.tink.InsecureSecretKeyAccess.get());
        var builder = com.google.crypto.tink.KeysetHandle.newBuilder(handle);
        builder.deleteAt(0);
        return com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                builder.build(), com.google.crypto.tink.InsecureSecretKeyAccess.get());
    }
}
