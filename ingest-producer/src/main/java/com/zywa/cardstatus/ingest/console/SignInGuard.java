package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.support.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in attempts of the console, limited and logged: once an address had {@code failuresPerMinute} refused
 * sign-ins in a minute, its further attempts that minute are sent back to the sign-in page ({@code ?limited}) before
 * their key is looked at; a sign-in a browser says comes from another site ({@code Sec-Fetch-Site}) is refused, as
 * a CSRF token would (the sign-in form has none: no session before signing in). Each success is logged with who
 * signed in, each refusal with where it came from, never with the key; a refusal starts no session.
 */
final class SignInGuard extends OncePerRequestFilter
        implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final int ADDRESSES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

    private final Clock clock;
    private final int failuresPerMinute;
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final SimpleUrlAuthenticationSuccessHandler success =
            new SimpleUrlAuthenticationSuccessHandler("/console/");
    private final SimpleUrlAuthenticationFailureHandler failure =
            new SimpleUrlAuthenticationFailureHandler(ConsoleSecurity.SIGN_IN + "?error");
    private volatile long minute;

    SignInGuard(Clock clock, int failuresPerMinute) {
        this.clock = clock;
        this.failuresPerMinute = failuresPerMinute;
        success.setAlwaysUseDefaultTargetUrl(true);
        failure.setAllowSessionCreation(false);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && ConsoleSecurity.SIGN_IN.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            log.warn("console sign-in from {} refused: sent from another site", request.getRemoteAddr());
            response.sendRedirect(ConsoleSecurity.SIGN_IN + "?error");
            return;
        }
        if (!allowed(request.getRemoteAddr())) {
            log.warn(
                    "console sign-in from {} turned away: {} refused sign-ins this minute",
                    request.getRemoteAddr(),
                    failuresPerMinute);
            response.sendRedirect(ConsoleSecurity.SIGN_IN + "?limited");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code address} may try to sign in now: fewer refusals this minute than the limit. */
    boolean allowed(String address) {
        AtomicInteger refused = thisMinute().get(address);
        return refused == null || refused.get() < failuresPerMinute;
    }

    /** Counts a refused sign-in from {@code address}; beyond 10,000 addresses in a minute new ones are not counted. */
    void refused(String address) {
        Map<String, AtomicInteger> counts = thisMinute();
        if (counts.size() < ADDRESSES || counts.containsKey(address)) {
            counts.computeIfAbsent(address, any -> new AtomicInteger()).incrementAndGet();
        }
    }

    private Map<String, AtomicInteger> thisMinute() {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            failures.clear();
            minute = now;
        }
        return failures;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        String who = authentication.getPrincipal() instanceof Caller caller ? caller.name() : "?";
        log.info("console sign-in by {} from {}", who, request.getRemoteAddr());
        success.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        log.warn("console sign-in from {} refused: not an ops key", request.getRemoteAddr());
        refused(request.getRemoteAddr());
        failure.onAuthenticationFailure(request, response, exception);
    }
}
