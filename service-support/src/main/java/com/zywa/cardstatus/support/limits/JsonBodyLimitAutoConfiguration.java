package com.zywa.cardstatus.support.limits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every servlet service the {@link JsonBodyLimit}: no JSON body over 1 MiB is read. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
public class JsonBodyLimitAutoConfiguration {

    @Bean
    JsonBodyLimit cardStatusJsonBodyLimit() {
        return new JsonBodyLimit();
    }
}
