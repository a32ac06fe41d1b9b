package com.zywa.cardstatus.ingest;

import com.zywa.cardstatus.contract.PhoneNormalizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pure parsing pieces, built once from {@link IngestSettings}. */
@Configuration(proxyBeanMethods = false)
class ParsingConfig {

    @Bean
    PhoneNormalizer phoneNormalizer(IngestSettings settings) {
        return new PhoneNormalizer(settings.phoneRegion());
    }
}
