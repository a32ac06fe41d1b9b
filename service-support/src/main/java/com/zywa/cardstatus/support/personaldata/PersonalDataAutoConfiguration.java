package com.zywa.cardstatus.support.personaldata;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The {@link PhoneVault} of a service with a database: the KEK and the phone-hash key from
 * {@code cardstatus.personal-data.*}. A service that reads or writes a phone fails at its first use of the vault
 * without them (the beans are made when first needed, so a service or test that never touches a phone starts
 * without the keys).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(DataSource.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(PersonalDataSettings.class)
public class PersonalDataAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    PhoneHasher phoneHasher(PersonalDataSettings settings) {
        return new PhoneHasher(settings.phoneHashKey());
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    KeyEncryptionKey keyEncryptionKey(PersonalDataSettings settings) {
        return KeyEncryptionKey.fromJson(settings.kek());
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    PhoneKeys phoneKeys(DataSource dataSource) {
        return new PhoneKeys(dataSource);
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    // the vault itself is made on first use; it needs its keys then (KeyEncryptionKey and PhoneHasher are final
    // classes: a lazy proxy of either cannot be made)
    PhoneVault phoneVault(KeyEncryptionKey kek, PhoneHasher hasher, PhoneKeys keys) {
        return new PhoneVault(kek, hasher, keys);
    }
}
