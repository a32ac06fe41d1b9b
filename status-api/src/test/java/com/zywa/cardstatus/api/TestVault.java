package com.zywa.cardstatus.api;

import com.zywa.cardstatus.support.personaldata.InMemoryPhoneKeys;
import com.zywa.cardstatus.support.personaldata.KeyEncryptionKey;
import com.zywa.cardstatus.support.personaldata.PhoneHasher;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The phone vault of the web slices: the keys in a map ({@link InMemoryPhoneKeys}, erased with
 * {@link InMemoryPhoneKeys#erase}), phones hashed under {@link #HASH_KEY}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestVault {

    /** The phones' hash key of the slices. */
    public static final String HASH_KEY = "test-phone-hash-key-0123456789abcdef";

    @Bean
    InMemoryPhoneKeys inMemoryPhoneKeys() {
        return new InMemoryPhoneKeys();
    }

    @Bean
    PhoneVault phoneVault(InMemoryPhoneKeys keys) {
        return new PhoneVault(
                KeyEncryptionKey.fromJson(KeyEncryptionKey.generateJson()), new PhoneHasher(HASH_KEY), keys);
    }
}
