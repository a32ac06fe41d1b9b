package com.zywa.cardstatus.api;

import com.zywa.cardstatus.support.security.AccessRules;
import com.zywa.cardstatus.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the status API (docs/security.md): the lookups, the work-queue search (phones masked) and their OpenAPI
 * document need role {@code reader} ({@code ops} has it too); the unmapped reasons list (partners' raw comments), the
 * work queue's CSV export (a bulk copy), the projection's rebuilds, the lookup audit, the quarantine list
 * (contract §11.1) and erasures (contract §12) role {@code ops}; a partner key reads nothing here.
 */
@Configuration(proxyBeanMethods = false)
public class LookupAccess {

    @Bean
    AccessRules lookupAccessRules() {
        return requests -> requests.requestMatchers(
                        "/api/v1/unmapped-reasons",
                        "/api/v1/projection/**",
                        "/api/v1/cards.csv",
                        "/api/v1/lookup-audit",
                        "/api/v1/quarantine",
                        "/api/v1/erasures",
                        "/api/v1/erasures/**")
                .hasRole(Role.OPS.name())
                .requestMatchers("/get_card_status", "/api/v1/cards", "/api/v1/cards/**", "/api/v1/card-counts")
                .hasRole(Role.READER.name())
                .requestMatchers(AccessRules.API_DOCS)
                .hasRole(Role.READER.name());
    }
}
