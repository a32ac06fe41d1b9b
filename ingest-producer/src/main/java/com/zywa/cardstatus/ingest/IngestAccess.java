package com.zywa.cardstatus.ingest;

import com.zywa.cardstatus.support.security.AccessRules;
import com.zywa.cardstatus.support.security.Caller;
import com.zywa.cardstatus.support.security.Role;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call the ingest API (docs/security.md): ops upload files, read the reports and decide quarantined events
 * and cards' owners (contract §11.1), a partner sends events for
 * itself only ({@code ?partner=} absent or naming it), and both may read the API's OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
public class IngestAccess {

    /** The routes of ops, which the console also serves under its own path (its {@code ConsoleRoutes}). */
    public static final List<String> OPS_ROUTES =
            List.of("/uploads", "/uploads/**", "/api/v1/quarantine/**", "/api/v1/cards/*/owner");

    @Bean
    AccessRules ingestAccessRules() {
        return requests -> requests.requestMatchers(OPS_ROUTES.toArray(String[]::new))
                .hasRole(Role.OPS.name())
                .requestMatchers("/events")
                .access(IngestAccess::ownPartner)
                .requestMatchers(AccessRules.API_DOCS)
                .hasAnyRole(Role.OPS.name(), Role.PARTNER.name());
    }

    /**
     * A partner caller, sending for the partner it speaks for (no {@code ?partner=}, or its own). The caller is
     * checked first and {@code partner} read from the query string itself: {@code getParameter} would make the
     * container parse a form or multipart body, for anyone, before knowing who is calling.
     */
    static AuthorizationResult ownPartner(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get().getPrincipal() instanceof Caller caller)
                || !caller.roles().contains(Role.PARTNER)) {
            return new AuthorizationDecision(false);
        }
        String requested = queryParameter(context.getRequest().getQueryString(), "partner");
        return new AuthorizationDecision(
                requested == null || requested.isBlank() || caller.speaksFor(requested.strip()));
    }

    /** The first value of {@code name} in a raw query string, decoded as a form's ({@code +} is a space). */
    static @Nullable String queryParameter(@Nullable String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
