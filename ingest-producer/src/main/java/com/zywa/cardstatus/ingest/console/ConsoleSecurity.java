package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.support.errors.ErrorAnswers;
import com.zywa.cardstatus.support.security.ApiKeySignIn;
import com.zywa.cardstatus.support.security.Role;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/**
 * The ops console's own security chain, before the stateless API chain: a sign-in form takes an {@code ops} key
 * (checked like the {@code X-API-Key} header) and starts a server-side session (HttpOnly cookie); the console's
 * calls then need that session and a CSRF token. Pages redirect to sign-in, the console's JSON answers 401/403.
 * Sign-ins are limited and logged ({@link SignInGuard}); every answer carries a Content-Security-Policy allowing the
 * console's own files only, and no Referer leaves it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleSettings.class)
class ConsoleSecurity {

    static final String SIGN_IN = "/console/sign-in";

    /** The console's own files only: no inline script or style, no other origin, no framing, forms to itself. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ApiKeySignIn signIn, ConsoleSettings settings)
            throws Exception {
        PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher(ConsoleRoutes.API + "/**");
        SignInGuard signIns = new SignInGuard(Clock.systemUTC(), settings.signInFailuresPerMinute());
        http.securityMatcher("/", "/console", "/console/**")
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(signIns, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                SIGN_IN, "/console/sign-in.html", "/console/sign-in.js", "/console/console.css")
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.OPS.name()))
                .authenticationManager(authentication -> signIn.authenticate(
                                String.valueOf(authentication.getCredentials()))
                        .filter(caller -> caller.getAuthorities().stream()
                                .anyMatch(role -> role.getAuthority().equals(Role.OPS.authority())))
                        .orElseThrow(() -> new BadCredentialsException("not an ops key")))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenFromHeader())
                        // no token before signing in, so no session for anyone who has not: SignInGuard refuses a
                        // sign-in sent from another site instead
                        .ignoringRequestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_IN)))
                .formLogin(form -> form.loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .passwordParameter("key")
                        .successHandler(signIns)
                        .failureHandler(signIns)
                        .permitAll()
                        // a plain form only: reading the key of a multipart body would parse it for anyone
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                                filter.setRequiresAuthenticationRequestMatcher(new AndRequestMatcher(
                                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_IN),
                                        request -> !CsrfTokenFromHeader.isMultipart(request)));
                                return filter;
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/console/sign-out")
                        .logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies("JSESSIONID"))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                                (request, response, e) -> ErrorAnswers.write(
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "unauthorized",
                                        "sign in to the console first (" + SIGN_IN + ")"),
                                api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(SIGN_IN), request -> true)
                        .accessDeniedHandler((request, response, e) -> ErrorAnswers.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "refused: a missing or stale CSRF token, or a session without the ops role; "
                                        + "reload the console")));
        return http.build();
    }
}
