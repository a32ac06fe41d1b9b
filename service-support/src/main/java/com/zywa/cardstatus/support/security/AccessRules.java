package com.zywa.cardstatus.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The authorization rules of one application's own endpoints (which role may call which path), declared by the
 * application as a bean; the shared chain puts them after the open probes and the actuator rules, and before
 * "anything else needs a credential".
 */
@FunctionalInterface
public interface AccessRules {

    /**
     * The paths of a service's OpenAPI document (JSON and YAML) and its Swagger UI, for each service's rule to name
     * at once: a path left out would fall to "any credential".
     */
    String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
