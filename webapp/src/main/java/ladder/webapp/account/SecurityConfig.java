package ladder.webapp.account;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ladder.webapp.account.ui.LoginView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Access rules of the whole app, in three chains: {@code /api/**} (personal access tokens as
 * {@code Bearer}, HTTP Basic as the slow path; stateless, no CSRF; a read token reads only, a metrics token
 * not at all, and new tokens need the password), {@code /actuator/**} (health public; info and prometheus for
 * admins, their tokens and the scrape account; nothing else) and the Vaadin UI (login view, CSRF protection of the login form too, view annotations,
 * security headers, sessions that an admin's change to the account ends).
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
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccountAuthenticationProvider accounts, AccessTokens tokens,
            VerifiedTokens verified, Clock clock, AuthenticationEventPublisher events) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // a token makes no tokens: one that leaks cannot outlive its own revocation through others
                        .requestMatchers(HttpMethod.POST, "/api/tokens")
                        .access(signedInExceptWith(TokenScope.READ, TokenScope.WRITE, TokenScope.METRICS))
                        .requestMatchers(HttpMethod.GET, "/api/**").access(signedInExceptWith(TokenScope.METRICS))
                        .requestMatchers(HttpMethod.HEAD, "/api/**").access(signedInExceptWith(TokenScope.METRICS))
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").access(signedInExceptWith(TokenScope.METRICS))
                        .anyRequest().access(signedInExceptWith(TokenScope.READ, TokenScope.METRICS)))
                .addFilterBefore(new AccessTokenFilter(tokens, verified, clock, SecurityConfig::tokenRefused), BasicAuthenticationFilter.class)
                .authenticationManager(manager(events, List.of(accounts)))
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized()).accessDeniedHandler(jsonForbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless Basic auth: no cookie for CSRF to ride on
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, AccountAuthenticationProvider accounts, AccessTokens tokens,
            VerifiedTokens verified, Clock clock, AccountsProperties properties, PasswordEncoder passwordEncoder, AuthenticationEventPublisher events) throws Exception {
        List<AuthenticationProvider> providers = new ArrayList<>();
        // the scrape account first: it is no account of the app, and asking the accounts first would count
        // every scrape as a failed sign-in of an unknown user, until the throttle refused the scrapes
        metricsAccount(properties, passwordEncoder).ifPresent(providers::add);
        providers.add(accounts);
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/info", "/actuator/prometheus")
                        .hasAnyRole(Role.ADMIN.name(), METRICS_ROLE) // an admin's token of any scope, too
                        .anyRequest().denyAll())
                .addFilterBefore(new AccessTokenFilter(tokens, verified, clock, SecurityConfig::tokenRefused), BasicAuthenticationFilter.class)
                .authenticationManager(manager(events, providers))
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized()).accessDeniedHandler(jsonForbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * Hashes of the four inline scripts in Vaadin 25.2's bootstrap page, the same on every page and every start
     * (an old-browser check, {@code window.Vaadin}'s set-up, the CSRF helper for forms, a Closure shim). A
     * Vaadin upgrade that changes them makes {@code SecurityHeadersEndToEndTest} fail naming the new hashes.
     */
    static final List<String> VAADIN_BOOTSTRAP_SCRIPTS = List.of(
            "'sha256-1gqGE7B/UYTDy5TnrqbzbfyALBKnwBym4JXLgM0b7xg='",
            "'sha256-C1UGzXT2eXIEEjCCnproCD0qCz92JQ6NkFY418AY26E='",
            "'sha256-zlrHd8+UaKwqBZqO4unUzbZlNEL1g16tkFd/dtq8VQ8='",
            "'sha256-JBodGcQ4UAlJkxJCAWJ4UxxUrxMW+ZF7xA2+Of65RkI='");

    /**
     * The UI's Content-Security-Policy. Vaadin sets inline styles, so styles need {@code 'unsafe-inline'}.
     * Scripts: only the app's own files and Vaadin's four bootstrap scripts by hash, no inline script otherwise;
     * {@code 'unsafe-eval'} because Flow's client runs the server's {@code executeJs} calls with
     * {@code new Function} (without it the client never finishes loading; see docs/architecture.md).
     * Images may be {@code data:} URLs. No plugins, no foreign base URL, forms post only here, no framing.
     */
    static final String CONTENT_SECURITY_POLICY =
            policyWithScripts("'self' 'unsafe-eval' " + String.join(" ", VAADIN_BOOTSTRAP_SCRIPTS));

    /** A lab session's component UIs (Prometheus, Zipkin) through Ladder's proxy. */
    static final RequestMatcher COMPONENT_UIS = PathPatternRequestMatcher.withDefaults().matcher("/labs/sessions/*/ui/**");

    /**
     * The component UIs' policy: their own pages run their own inline scripts (Prometheus's classic UI does),
     * which Ladder's policy would stop, so scripts may be inline here; everything else stays as strict (no
     * plugins, no foreign base URL, no framing, data only from here). Their pages come from the learner's own
     * session, and the components escape what a learner's configuration puts in them.
     */
    static final String COMPONENT_UI_POLICY = policyWithScripts("'self' 'unsafe-inline' 'unsafe-eval'");

    /** Ladder's one policy; the UI and the component UIs differ only in where scripts may come from. */
    private static String policyWithScripts(String scriptSources) {
        return String.join("; ",
                "default-src 'self'",
                "script-src " + scriptSources,
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiChain(HttpSecurity http, AccountAuthenticationProvider accounts, RequestUtil vaadinRequests,
            SessionRegistry sessionRegistry) throws Exception {
        http.authenticationProvider(accounts);
        http.authorizeHttpRequests(requests -> requests
                // the error page renders what went wrong elsewhere (an /api answer, too): never a 403 instead
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/styles/**", "/icons/**", "/images/**").permitAll()
                // a lab session's component UIs through Ladder: signed in here; whose session it is,
                // in the labs feature (LabComponentProxy, LabService)
                .requestMatchers("/labs/sessions/*/ui/**").authenticated());
        // Spring's CSRF protection for everything but Vaadin's own requests (which carry Vaadin's token), the
        // login form's POST included: vaadin-login-form sends the token from the page's _csrf meta tags.
        // Vaadin's default would exempt the login URL, which allows login CSRF.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.headers(headers -> headers
                // before the request goes on: written at commit, they were missing from Vaadin's pages (forwarded
                // to Vaadin's servlet)
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(COMPONENT_UIS),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(COMPONENT_UIS,
                        new ContentSecurityPolicyHeaderWriter(COMPONENT_UI_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        http.sessionManagement(sessions -> sessions
                .maximumSessions(-1) // no limit: the registry is for ending an account's sessions (AccountSessions)
                .sessionRegistry(sessionRegistry)
                .expiredSessionStrategy(event -> sessionEnded(event.getRequest(), event.getResponse(), vaadinRequests)));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .enableCsrfConfiguration(false)) // configured above
                .build();
    }

    /**
     * The answer to a request of a session that {@link AccountSessions} ended (the filter has logged it out
     * already): Vaadin's own "session expired" answer to Vaadin's requests, on which the client reloads the
     * page and so lands on the login view; a redirect to the login view otherwise.
     */
    private static void sessionEnded(HttpServletRequest request, HttpServletResponse response, RequestUtil vaadinRequests)
            throws IOException {
        if (vaadinRequests.isFrameworkInternalRequest(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(VaadinService.createSessionExpiredJSON(false));
        } else {
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }

    /**
     * Spring Security's own observations off: with them every request was timed and traced once per filter of its
     * chain (a dozen observations, most of a token read's CPU beside the answer itself, docs/performance.md).
     * The request's own observation ({@code http.server.requests}: its metrics, its span, the trace ids in the
     * logs) stays; sign-ins are counted from the authentication events ({@link SignInMeters}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the {@link SessionRegistry} when sessions end, so it does not keep them forever. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountAuthenticationProvider accounts, AuthenticationEventPublisher events) {
        return manager(events, List.of(accounts));
    }

    /** Sign-in successes and failures as application events, for {@link SignInMeters} (every chain alike). */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    private static ProviderManager manager(AuthenticationEventPublisher events, List<AuthenticationProvider> providers) {
        ProviderManager manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    private static Optional<AuthenticationProvider> metricsAccount(AccountsProperties properties,
            PasswordEncoder passwordEncoder) {
        String username = properties.metricsUsername();
        String password = properties.metricsPassword();
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            return Optional.empty();
        }
        AccountService.validPassword(password); // the same minimum as for people
        String hash = passwordEncoder.encode(password);
        return Optional.of(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(
                    Authentication authentication) {
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

    /**
     * Signed in (a password or a token) and not with a token of one of these scopes. Comparing the request's
     * authentication, not an authority, so no role can be mistaken for a scope.
     */
    private static AuthorizationManager<RequestAuthorizationContext> signedInExceptWith(TokenScope... refused) {
        AuthorizationManager<RequestAuthorizationContext> scope = (authentication, context) ->
                new AuthorizationDecision(!AccessTokenAuthentication.isTokenOf(authentication.get(), refused));
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(), scope);
    }

    private static final String CHALLENGE = "Basic realm=\"Ladder\", charset=\"UTF-8\", Bearer realm=\"Ladder\"";

    private static AuthenticationEntryPoint jsonUnauthorized() {
        return (request, response, e) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", CHALLENGE);
            writeJson(response, e.getMessage() == null || e instanceof InsufficientAuthenticationException
                    ? "sign in with a personal access token (Authorization: Bearer ldr_pat_...) or HTTP Basic "
                    + "(a Ladder username and password)" : e.getMessage());
        };
    }

    private static void tokenRefused(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Ladder\", error=\"invalid_token\"");
        writeJson(response, message);
    }

    private static AccessDeniedHandler jsonForbidden() {
        return (request, response, e) -> {
            response.setStatus(403);
            writeJson(response, "you may not do this");
        };
    }

    private static void writeJson(HttpServletResponse response, String message)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"error\":\"" + escaped + "\"}");
    }
}
