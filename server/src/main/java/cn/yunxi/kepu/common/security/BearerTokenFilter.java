package cn.yunxi.kepu.common.security;

import java.io.IOException;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Authorization: Bearer <access token>}: what Spring's resource-server support did for this API,
 * without what it added to every request and this API never uses. Spring's configurer also put a DPoP
 * authentication filter and an OAuth 2.0 protected-resource-metadata filter in the chain (each matched every request
 * against its header or path), and sent each token through an authentication manager that allocated a request token
 * and its web details before asking its providers. Here the remembered {@link VerifiedTokenCache} entry gives the
 * caller directly.
 *
 * <p>The answers are Spring's: no bearer header, the request goes on anonymous (the authorization rules decide); a
 * malformed header or a token that is forged, expired or revoked, 401 from the entry point (and an authentication
 * failure event, as the manager published); a decoder that could not do its work is rethrown. This API issues no
 * DPoP-bound tokens: a request with the {@code DPoP} scheme carries no bearer token, so it is anonymous and refused
 * wherever a login is required, as any other scheme.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final BearerHeaderTokenResolver tokenResolver = new BearerHeaderTokenResolver();
    private final VerifiedTokenCache tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final AuthenticationEventPublisher events;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    // Spring's filter kept the context in a request attribute too, for a later dispatch of the same request.
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(VerifiedTokenCache tokens, AuthenticationEntryPoint entryPoint,
                      AuthenticationEventPublisher events) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token;
        try {
            token = tokenResolver.resolve(request);
        } catch (OAuth2AuthenticationException malformed) {
            entryPoint.commence(request, response, malformed);
            return;
        }
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Authentication caller;
        try {
            caller = tokens.authenticate(token);
        } catch (AuthenticationException failed) {
            contexts.clearContext();
            events.publishAuthenticationFailure(failed, new BearerTokenAuthenticationToken(token));
            if (failed instanceof AuthenticationServiceException) {
                throw failed;
            }
            entryPoint.commence(request, response, failed);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(caller);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
