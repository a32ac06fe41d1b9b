package com.zywa.cardstatus.support.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The access control every service shares (docs/security.md): callers show an API key ({@code X-API-Key}) or, when
 * an issuer is configured, a JWT (for us: its issuer and audience are required, {@link JwtBinding}); the health probes are open, the actuator needs {@code metrics}, each application's
 * {@link AccessRules} guard its endpoints, and anything else needs a credential. Stateless: nothing is remembered
 * between requests.
 */
@AutoConfiguration(
        before = {
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerWebSecurityAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
public class ApiSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);

    /** {@code ops} may do all that {@code reader} may. */
    @Bean
    static RoleHierarchy cardStatusRoleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.OPS.authority() + " > " + Role.READER.authority());
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: with them, every
     * request paid for about a dozen observations (half the status API's CPU per lookup) that no dashboard reads.
     * The request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings cardStatusSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Tokens signed with another algorithm than {@code jws-algorithms} (default RS256) are refused (401). */
    @Bean
    static JwkSetUriJwtDecoderBuilderCustomizer cardStatusJwsAlgorithms(Environment environment) {
        return JwtBinding.pinAlgorithms(Binder.get(environment)
                .bind(JwtBinding.PREFIX + ".jws-algorithms", Bindable.listOf(String.class))
                .orElse(List.of("RS256")));
    }

    /** The same key check for a sign-in form (the ops console), which starts a session instead. */
    @Bean
    ApiKeySignIn apiKeySignIn(SecuritySettings settings) {
        return new ApiKeySignIn(new ApiKeys(settings.apiKeys()));
    }

    // by name: an application may add chains of its own (the ops console's, ordered first) beside this one
    @Bean
    @ConditionalOnMissingBean(name = "cardStatusSecurityFilterChain")
    SecurityFilterChain cardStatusSecurityFilterChain(
            HttpSecurity http,
            SecuritySettings settings,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<AccessRules> rules,
            Environment environment)
            throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtBinding.requireIssuerAndAudience(Binder.get(environment));
        }
        ApiKeys keys = new ApiKeys(settings.apiKeys());
        if (keys.isEmpty() && decoder == null) {
            log.warn("no API key (cardstatus.security.api-keys) and no JWT issuer (spring.security.oauth2."
                    + "resourceserver.jwt.issuer-uri or jwk-set-uri) is configured: every request except the health "
                    + "probes is refused with 401; see docs/security.md");
        }
        SecurityErrors errors = new SecurityErrors(decoder != null);
        // CSRF protection guards cookie-based sessions; these APIs set no cookie and take credentials only from
        // request headers, which a browser never adds by itself to a forged cross-site request
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // the servlet-API request wrapper stays (servletApi): the actuator shows health details to role
                // metrics by HttpServletRequest#isUserInRole
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .addFilterBefore(new ApiKeyFilter(keys, errors), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness")
                            .permitAll();
                    // an error page rendered for a request that was already let in
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers("/actuator", "/actuator/**").hasRole(Role.METRICS.name());
                    rules.orderedStream().forEach(rule -> rule.authorize(requests));
                    requests.anyRequest().authenticated();
                });
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtCallers(settings.jwt())))
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors));
        }
        return http.build();
    }
}
