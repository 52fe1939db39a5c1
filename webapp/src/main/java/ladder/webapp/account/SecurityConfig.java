package ladder.webapp.account;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import ladder.webapp.account.ui.LoginView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Access rules of the whole app, in three chains: {@code /api/**} (HTTP Basic, stateless, no CSRF),
 * {@code /actuator/**} (health public; info and prometheus for admins and the scrape account;
 * nothing else) and the Vaadin UI (login view, Vaadin's CSRF protection, view annotations).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity // @PreAuthorize on endpoints; not JSR-250, whose view annotations would make Spring proxy the views
@EnableConfigurationProperties(AccountsProperties.class)
class SecurityConfig {

    /** Authority of the scrape-only account configured with {@code LADDER_METRICS_USERNAME}. */
    static final String METRICS_ROLE = "METRICS";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradeable later
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccountAuthenticationProvider accounts) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .authenticationManager(new ProviderManager(accounts))
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized()).accessDeniedHandler(jsonForbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless Basic auth: no cookie for CSRF to ride on
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, AccountAuthenticationProvider accounts,
            AccountsProperties properties, PasswordEncoder passwordEncoder) throws Exception {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(accounts);
        metricsAccount(properties, passwordEncoder).ifPresent(providers::add);
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/info", "/actuator/prometheus")
                        .hasAnyRole(Role.ADMIN.name(), METRICS_ROLE)
                        .anyRequest().denyAll())
                .authenticationManager(new ProviderManager(providers))
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized()).accessDeniedHandler(jsonForbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiChain(HttpSecurity http, AccountAuthenticationProvider accounts) throws Exception {
        http.authenticationProvider(accounts);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles/**", "/icons/**", "/images/**").permitAll()
                // a lab session's component UIs through Ladder: signed in here; whose session it is,
                // in the labs feature (LabComponentProxy, LabService)
                .requestMatchers("/labs/sessions/*/ui/**").authenticated());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountAuthenticationProvider accounts) {
        return new ProviderManager(accounts);
    }

    private static java.util.Optional<AuthenticationProvider> metricsAccount(AccountsProperties properties,
            PasswordEncoder passwordEncoder) {
        String username = properties.metricsUsername();
        String password = properties.metricsPassword();
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            return java.util.Optional.empty();
        }
        AccountService.validPassword(password); // the same minimum as for people
        String hash = passwordEncoder.encode(password);
        return java.util.Optional.of(new AuthenticationProvider() {
            @Override
            public org.springframework.security.core.Authentication authenticate(
                    org.springframework.security.core.Authentication authentication) {
                if (!username.equals(authentication.getName())) {
                    return null; // not the scrape account: let the accounts decide
                }
                Object credentials = authentication.getCredentials();
                if (credentials == null || !passwordEncoder.matches(credentials.toString(), hash)) {
                    throw new BadCredentialsException("Wrong username or password");
                }
                return UsernamePasswordAuthenticationToken.authenticated(username, null,
                        AuthorityUtils.createAuthorityList("ROLE_" + METRICS_ROLE));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        });
    }

    private static AuthenticationEntryPoint jsonUnauthorized() {
        return (request, response, e) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Ladder\", charset=\"UTF-8\"");
            writeJson(response, e.getMessage() == null || e instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                    ? "sign in with HTTP Basic: a Ladder username and password" : e.getMessage());
        };
    }

    private static AccessDeniedHandler jsonForbidden() {
        return (request, response, e) -> {
            response.setStatus(403);
            writeJson(response, "you may not do this");
        };
    }

    private static void writeJson(jakarta.servlet.http.HttpServletResponse response, String message)
            throws java.io.IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"error\":\"" + escaped + "\"}");
    }
}
