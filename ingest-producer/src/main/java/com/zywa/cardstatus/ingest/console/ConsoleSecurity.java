package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.support.errors.ErrorAnswers;
import com.zywa.cardstatus.support.security.ApiKeySignIn;
import com.zywa.cardstatus.support.security.Role;
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
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/**
 * The ops console's own security chain, before the stateless API chain: a sign-in form takes an {@code ops} key
 * (checked like the {@code X-API-Key} header) and starts a server-side session (HttpOnly cookie); the console's
 * calls then need that session and a CSRF token. Pages redirect to sign-in, the console's JSON answers 401/403.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleSettings.class)
class ConsoleSecurity {

    static final String SIGN_IN = "/console/sign-in";

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ApiKeySignIn signIn) throws Exception {
        PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher(ConsoleRoutes.API + "/**");
        http.securityMatcher("/", "/console", "/console/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                SIGN_IN,
                                "/console/sign-in.html",
                                "/console/sign-in.js",
                                "/console/console.css",
                                "/console/csrf")
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.OPS.name()))
                .authenticationManager(authentication -> signIn.authenticate(
                                String.valueOf(authentication.getCredentials()))
                        .filter(caller -> caller.getAuthorities().stream()
                                .anyMatch(role -> role.getAuthority().equals(Role.OPS.authority())))
                        .orElseThrow(() -> new BadCredentialsException("not an ops key")))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenFromHeader()))
                .formLogin(form -> form.loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .passwordParameter("key")
                        .defaultSuccessUrl("/console/", true)
                        .failureUrl(SIGN_IN + "?error")
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
