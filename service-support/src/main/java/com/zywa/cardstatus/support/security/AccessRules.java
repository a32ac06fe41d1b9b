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

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
