package cn.yunxi.kepu.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security for both APIs: residents' tokens open /api/v1, staff tokens open
 * /api/admin/v1, and only declared {@link PublicEndpoints} are open to all.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(TokenProperties.class)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, List<PublicEndpoints> publicEndpoints, JsonMapper json,
                                    VerifiedTokenCache accessTokens, AuthenticationEventPublisher events)
            throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        PublicPaths open = new PublicPaths(publicEndpoints.stream().flatMap(p -> p.patterns().stream()).toList());
        http
                // Bearer tokens in headers, no cookies: CSRF does not apply to this API.
                .csrf(csrf -> csrf.disable())
                // Filters that only serve form login and sessions, none of which this API has: each ran (and, for
                // the servlet API wrapper, allocated) on every request. Logout is our own endpoint, which revokes
                // the login; nothing reads the caller through HttpServletRequest#getUserPrincipal or isUserInRole.
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                // No sessions at all: the security context lives for one request (in a request attribute, as the
                // stateless session policy kept it, for a later dispatch of the same request). Session management
                // only added two filters that ran on every request: one that stopped session ids being encoded into
                // URLs (there are no sessions, and nothing encodes URLs) and one that resolved the caller on every
                // request to look for a session to protect.
                .sessionManagement(s -> s.disable())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/api/v1/**").hasAuthority(SubjectType.RESIDENT.name())
                        .requestMatchers("/api/admin/v1/**").hasAuthority(SubjectType.STAFF.name())
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").denyAll()
                        // Outside the APIs there is nothing private yet; unknown paths get a plain 404.
                        .anyRequest().permitAll())
                // Bearer tokens without Spring's resource-server configurer, which also added a DPoP filter and a
                // protected-resource-metadata filter to every request (see BearerTokenFilter).
                .addFilterAt(new BearerTokenFilter(accessTokens, problems, events),
                        BearerTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        DefaultSecurityFilterChain chain = http.build();
        // Spring adds a filter to every chain that hands the security context to asynchronously processed requests
        // (a handler returning Callable, DeferredResult, an emitter or a streaming body); no handler here does
        // (CrossCuttingIT checks), and the filter looked up the request's async manager on every request.
        return new DefaultSecurityFilterChain(chain.getRequestMatcher(), chain.getFilters().stream()
                .filter(f -> !(f instanceof WebAsyncManagerIntegrationFilter)).toList());
    }

    /**
     * No Spring Security observations at all. Turning them off by property ({@code management.observations.enable})
     * still left every filter of the chain wrapped in an observing decorator that asked the predicate, per filter and
     * per request, whether to observe (and allocated its context, lambdas and name lookups to do so): a fifth of a
     * ping's cost for nothing recorded. http.server.requests still measures every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PublicEndpoints authEndpoints() {
        return () -> List.of("/api/v1/auth/**", "/api/admin/v1/auth/**", "/api/v1/ping");
    }

    @Bean
    SecretKey tokenSigningKey(TokenProperties properties) {
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            // Outside prod (where a missing secret stops startup) a fresh key per start is safe: tokens just
            // stop working after a restart.
            log.warn("KEPU_TOKEN_SECRET is not set; using a random signing key for this run only");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
        }
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(key, "HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
        return NimbusJwtEncoder.withSecretKey(tokenSigningKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    VerifiedTokenCache accessTokens(SecretKey tokenSigningKey, Clock clock, RevokedSessions revokedSessions) {
        NimbusJwtDecoder signatureAndClaims = NimbusJwtDecoder.withSecretKey(tokenSigningKey)
                .macAlgorithm(MacAlgorithm.HS256).build();
        // Our issuer is a name, not a URL: the default claim conversion would try to parse it as one and throw
        // (and catch) an exception for every token it decodes.
        signatureAndClaims.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        // Expiry and revocation are checked by VerifiedTokenCache on every request, remembered token or not.
        signatureAndClaims.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokenCache(signatureAndClaims, clock, SecurityConfig::loginOf, revokedSessions::isRevoked,
                SecurityConfig::toAuthentication, Duration.ofMinutes(1), 100_000);
    }

    /** The random key of the login a token was issued in; null (refused) when the token names no login. */
    private static String loginOf(Jwt jwt) {
        return jwt.getClaims().get(TokenService.CLAIM_SESSION_KEY) instanceof String key
                && jwt.getClaims().get(TokenService.CLAIM_SESSION) instanceof Number ? key : null;
    }

    /**
     * Spring Security would publish an AuthenticationSuccessEvent for every login it authenticates, through the
     * application's (persistent) event multicaster; nothing listens for them. Failures are still published (a
     * refused bearer token by {@link BearerTokenFilter}).
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher) {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
                // deliberately nothing: see above
            }
        };
    }

    /**
     * Spring's strict firewall with the same header and parameter-name rules (names and values of assigned,
     * non-control characters; header values may also hold tabs) checked character by character: its default regular
     * expressions ran for every header and every query parameter any filter or handler read, and the bearer token
     * alone is several hundred characters. Its URL blocklists are skipped for paths they cannot match
     * ({@link PlainPathFirewall}).
     */
    @Bean
    HttpFirewall httpFirewall() {
        return new PlainPathFirewall(SecurityConfig::configureFirewall);
    }

    static void configureFirewall(StrictHttpFirewall firewall) {
        firewall.setAllowedHeaderNames(name -> assignedAndNotControl(name, false));
        firewall.setAllowedHeaderValues(value -> assignedAndNotControl(value, true));
        firewall.setAllowedParameterNames(name -> assignedAndNotControl(name, false));
    }

    static boolean assignedAndNotControl(String s, boolean tabAllowed) {
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            // Printable ASCII (all of a bearer token, nearly every header) is assigned and not a control character:
            // the code point and its Unicode category were a visible share of each authenticated request.
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            boolean control = Character.isISOControl(cp) && !(tabAllowed && cp == '\t');
            if (control || Character.getType(cp) == Character.UNASSIGNED) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    private static CurrentUserAuthentication toAuthentication(Jwt jwt) {
        SubjectType type = SubjectType.valueOf(jwt.getClaimAsString(TokenService.CLAIM_TYPE));
        // Read as issued (a JSON array of strings): getClaimAsStringList would run every token through the
        // conversion service, a visible share of each authenticated request.
        Set<String> roleSet = jwt.getClaims().get(TokenService.CLAIM_ROLES) instanceof Collection<?> roles
                ? roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet()) : Set.of();
        Object unit = jwt.getClaims().get(TokenService.CLAIM_UNIT);
        Long unitId = unit instanceof Number n ? n.longValue() : null;
        long sessionId = ((Number) jwt.getClaims().get(TokenService.CLAIM_SESSION)).longValue();
        CurrentUser user = new CurrentUser(type, Long.parseLong(jwt.getSubject()), sessionId, roleSet, unitId);
        return new CurrentUserAuthentication(user, jwt);
    }
}
