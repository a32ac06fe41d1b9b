package com.zywa.cardstatus.support.security;

import com.zywa.cardstatus.support.errors.ErrorAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code X-API-Key} header, or {@code Authorization: ApiKey <key>} for clients that
 * can only set that header (Prometheus scrapes): a known key makes its {@link Caller} the request's principal, an
 * unknown one is answered 401 at once. Requests without a key pass on unauthenticated (to a bearer token, or to the
 * 401 of the authorization rules); a request with both an {@code X-API-Key} and an {@code Authorization} header is
 * answered 400 {@code invalid_request}, as RFC 6750 answers a token sent in more than one way.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    static final String SCHEME = "ApiKey ";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint unauthorized;

    ApiKeyFilter(ApiKeys keys, AuthenticationEntryPoint unauthorized) {
        this.keys = keys;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presented(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getHeader(HEADER) != null && request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            // which one would count is a guess either way (a bearer token used to replace a valid key silently)
            SecurityContextHolder.clearContext();
            ErrorAnswers.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "invalid_request",
                    "send one credential: an X-API-Key header or an Authorization header, not both");
            return;
        }
        Optional<Caller> caller = keys.authenticate(presented.strip());
        if (caller.isEmpty()) {
            SecurityContextHolder.clearContext();
            unauthorized.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static String presented(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key != null) {
            return key;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? authorization.substring(SCHEME.length())
                : null;
    }
}
