package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.support.limits.Rate;
import com.zywa.cardstatus.support.limits.RateLimits;
import com.zywa.cardstatus.support.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
 * Sign-in attempts of the console, limited and logged: each address may have {@code failuresPerMinute} refused
 * sign-ins a minute (a token bucket of service-support's {@link RateLimits}, refilled gradually, at most 10,000
 * addresses kept); once it had them, its further attempts are sent back to the sign-in page ({@code ?limited})
 * before their key is looked at, until one has come back; a sign-in a browser says comes from another site ({@code Sec-Fetch-Site}) is refused, as
 * a CSRF token would (the sign-in form has none: no session before signing in). Each success is logged with who
 * signed in, each refusal with where it came from, never with the key; a refusal starts no session.
 */
final class SignInGuard extends OncePerRequestFilter
        implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final int ADDRESSES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

    private final int failuresPerMinute;
    private final RateLimits failures;
    private final SimpleUrlAuthenticationSuccessHandler success =
            new SimpleUrlAuthenticationSuccessHandler("/console/");
    private final SimpleUrlAuthenticationFailureHandler failure =
            new SimpleUrlAuthenticationFailureHandler(ConsoleSecurity.SIGN_IN + "?error");

    SignInGuard(Clock clock, int failuresPerMinute) {
        this.failuresPerMinute = failuresPerMinute;
        this.failures =
                new RateLimits(new Rate((long) failuresPerMinute, Duration.ofMinutes(1)), Map.of(), ADDRESSES, clock);
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
                    "console sign-in from {} turned away: {} refused sign-ins within a minute",
                    request.getRemoteAddr(),
                    failuresPerMinute);
            response.sendRedirect(ConsoleSecurity.SIGN_IN + "?limited");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code address} may try to sign in now: a refusal of its allowance is left. */
    boolean allowed(String address) {
        return failures.hasLeft(address);
    }

    /** Counts a refused sign-in from {@code address}. */
    void refused(String address) {
        failures.take(address, 1);
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
