package com.zywa.cardstatus.notifier;

import com.zywa.cardstatus.support.security.AccessRules;
import com.zywa.cardstatus.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the notifier (docs/security.md): subscriptions and their OpenAPI document are for role {@code ops}
 * only; a subscription can send any card's status, phone included, to any URL.
 */
@Configuration(proxyBeanMethods = false)
public class NotifierAccess {

    @Bean
    AccessRules notifierAccessRules() {
        return requests -> requests.requestMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/**")
                .hasRole(Role.OPS.name())
                .requestMatchers(AccessRules.API_DOCS)
                .hasRole(Role.OPS.name());
    }
}
