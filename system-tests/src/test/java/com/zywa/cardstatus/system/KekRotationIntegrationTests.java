package com.zywa.cardstatus.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.processor.projection.PhoneKeyRewrap;
import com.zywa.cardstatus.support.personaldata.KeyEncryptionKey;
import com.zywa.cardstatus.support.personaldata.PhoneHasher;
import com.zywa.cardstatus.support.personaldata.PhoneKeys;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import java.security.GeneralSecurityException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A KEK rotation against the real key store (docs/operations.md): with a new primary key added to the keyset, the
 * processor's re-wrap ({@link PhoneKeyRewrap}) re-wraps a data key the old key wrapped, until none is left; the phone
 * then opens under the rotated keyset and no longer under the old key alone. The store is shared by the pipeline's
 * services, whose KEK is the old keyset: the keys are re-wrapped back under it at the end.
 */
@ExtendWith(PipelineExtension.class)
class KekRotationIntegrationTests {

    @Test
    void aKeyWrappedUnderTheOldKekIsRewrappedUnderTheRotatedKeysetsPrimary(Pipeline pipeline) throws Exception {
        Pipeline.Database db = pipeline.database();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PhoneKeys keys = new PhoneKeys(dataSource);
        String phone = "+97150" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        String sealed = pipeline.processor.getBean(PhoneVault.class).seal(phone);
        UUID keyId = SealedPhones.keyId(sealed);
        byte[] before = wrapped(jdbc, keyId);
        String rotated = KeyEncryptionKey.rotateJson(Pipeline.KEK);

        try {
            int rewrapped = PhoneKeyRewrap.rewrap(keys, KeyEncryptionKey.fromJson(rotated));

            assertThat(rewrapped).isPositive();
            assertThat(wrapped(jdbc, keyId)).isNotEqualTo(before);
            assertThat(keys.rewrap(KeyEncryptionKey.fromJson(rotated), 1_000))
                    .as("nothing left to re-wrap")
                    .isZero();
            assertThat(vault(rotated, keys).open(sealed)).isEqualTo(phone);
            assertThat(vault(Pipeline.KEK, keys).open(sealed))
                    .as("the old key alone no longer unwraps it")
                    .isNull();
        } finally {
            // the pipeline's services hold the old keyset: its key primary again, every key re-wrapped under it
            PhoneKeyRewrap.rewrap(keys, KeyEncryptionKey.fromJson(withOldPrimary(rotated)));
        }
        assertThat(vault(Pipeline.KEK, keys).open(sealed)).isEqualTo(phone);
    }

    private static PhoneVault vault(String kek, PhoneKeys keys) {
        // a new vault each time: nothing unwrapped before is remembered
        return new PhoneVault(KeyEncryptionKey.fromJson(kek), new PhoneHasher(Pipeline.PHONE_HASH_KEY), keys);
    }

    private static byte[] wrapped(JdbcTemplate jdbc, UUID keyId) {
        return jdbc.queryForObject("SELECT wrapped FROM ingest.phone_key WHERE key_id = ?", byte[].class, keyId);
    }

    /** The rotated keyset with the pipeline's own key primary again. */
    private static String withOldPrimary(String rotated) throws GeneralSecurityException {
        int old = TinkJsonProtoKeysetFormat.parseKeyset(Pipeline.KEK, InsecureSecretKeyAccess.get())
                .getPrimary()
                .getId();
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(rotated, InsecureSecretKeyAccess.get());
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getId() == old) {
                builder.getAt(i).makePrimary();
            }
        }
        return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
    }
}
